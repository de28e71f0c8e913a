package dev.querylens.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.transport.RequestReplyReceiverContext;

/**
 * Gives every HTTP server observation the {@value RecordingObservationListener#FINDINGS_KEY} key, set to
 * {@value RecordingObservationListener#NO_FINDINGS} when QueryLens did not set it (a request it does not record),
 * because registries such as Prometheus require every meter of one name to have the same tag keys.
 */
public final class RecordingObservationFilter implements ObservationFilter {

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof RequestReplyReceiverContext<?, ?>
				&& context.getLowCardinalityKeyValue(RecordingObservationListener.FINDINGS_KEY) == null) {
			context.addLowCardinalityKeyValue(
					KeyValue.of(RecordingObservationListener.FINDINGS_KEY, RecordingObservationListener.NO_FINDINGS));
		}
		return context;
	}

}
