package dev.querylens.metrics;

import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.transport.RequestReplyReceiverContext;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.store.RecordingListener;

/**
 * Adds what QueryLens saw to the HTTP server observation of the request
 * ({@code http.server.requests} in Boot), as high-cardinality key values only, so that
 * the request's trace span links to the recording while the application's own
 * {@code http.server.requests} meter keeps exactly the tags it had. The recording
 * finishes inside the request's observation scope (the recording filter runs after Boot's
 * observation filter), so the observation is the current one, or an ancestor of it.
 */
public final class RecordingObservationListener implements RecordingListener {

	/**
	 * High-cardinality key: the finding types seen, sorted and comma-separated, or
	 * {@value #NO_FINDINGS}.
	 */
	public static final String FINDINGS_KEY = "querylens.findings";

	/** Value of {@link #FINDINGS_KEY} for a request without findings. */
	public static final String NO_FINDINGS = "none";

	/** High-cardinality key: the number of statements of the request. */
	public static final String QUERY_COUNT_KEY = "db.query.count";

	/**
	 * High-cardinality key: the recording's id, as in the {@code X-QueryLens-Id} header.
	 */
	public static final String ID_KEY = "querylens.id";

	private final ObservationRegistry registry;

	/**
	 * Creates the listener.
	 * @param registry the registry whose current observation is the request's
	 */
	public RecordingObservationListener(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onFinished(AnalyzedRecording analyzed) {
		Recording recording = analyzed.recording();
		if (recording.getKind() != Kind.HTTP) {
			return;
		}
		Observation observation = findServerObservation(this.registry.getCurrentObservation());
		if (observation == null) {
			return;
		}
		observation.highCardinalityKeyValue(FINDINGS_KEY, findingTypes(analyzed));
		observation.highCardinalityKeyValue(QUERY_COUNT_KEY, Integer.toString(recording.getQueryCount()));
		observation.highCardinalityKeyValue(ID_KEY, recording.getId());
	}

	/**
	 * Returns the value of {@link #FINDINGS_KEY} for a recording.
	 * @param analyzed the analysed recording
	 * @return the types of its active findings, sorted and comma-separated, or
	 * {@value #NO_FINDINGS}
	 */
	static String findingTypes(AnalyzedRecording analyzed) {
		String types = analyzed.activeFindings()
			.stream()
			.map(Finding::type)
			.distinct()
			.sorted()
			.map(Enum::name)
			.collect(Collectors.joining(","));
		return types.isEmpty() ? NO_FINDINGS : types;
	}

	private static Observation findServerObservation(Observation current) {
		ObservationView candidate = current;
		while (candidate instanceof Observation observation && !observation.isNoop()) {
			if (observation.getContext() instanceof RequestReplyReceiverContext<?, ?>) {
				return observation;
			}
			candidate = observation.getContextView().getParentObservation();
		}
		return null;
	}

}
