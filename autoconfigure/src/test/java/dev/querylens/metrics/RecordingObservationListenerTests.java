package dev.querylens.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordingObservationListener}.
 */
class RecordingObservationListenerTests {

	private final List<Observation.Context> stopped = new ArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none());

	RecordingObservationListenerTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				RecordingObservationListenerTests.this.stopped.add(context);
			}

		});
	}

	@Test
	void theRequestObservationGetsTheFindingTypesTheQueryCountAndTheId() {
		Recording recording = nPlusOne();
		Observation request = Observation.start("http.server.requests", this::serverContext, this.registry);
		try (Observation.Scope scope = request.openScope()) {
			// A statement's observation, as datasource-micrometer makes, is current; the
			// request's is its parent.
			Observation child = Observation.start("jdbc.connection", this.registry);
			try (Observation.Scope inner = child.openScope()) {
				new RecordingObservationListener(this.registry).onFinished(this.analyzer.analyze(recording));
			}
			child.stop();
		}
		request.stop();
		Observation.Context context = this.stopped.get(1);
		assertThat(context.getHighCardinalityKeyValue("querylens.findings").getValue()).isEqualTo("N_PLUS_ONE");
		assertThat(context.getHighCardinalityKeyValue("db.query.count").getValue()).isEqualTo("4");
		assertThat(context.getHighCardinalityKeyValue("querylens.id").getValue()).isEqualTo(recording.getId());
		assertThat(this.stopped.get(0).getHighCardinalityKeyValue("querylens.findings")).isNull();
	}

	@Test
	void theRequestObservationsLowCardinalityKeysAndSoItsMetersTagsAreLeftAsTheyWere() {
		Observation request = Observation.start("http.server.requests", this::serverContext, this.registry);
		request.lowCardinalityKeyValue("uri", "/orders/slow");
		try (Observation.Scope scope = request.openScope()) {
			new RecordingObservationListener(this.registry).onFinished(this.analyzer.analyze(nPlusOne()));
		}
		request.stop();
		assertThat(this.stopped.get(0).getLowCardinalityKeyValues()).extracting(KeyValue::getKey)
			.containsExactly("uri");
	}

	@Test
	void aServerObservationQueryLensDidNotRecordGetsNoKey() {
		Observation request = Observation.start("http.server.requests", this::serverContext, this.registry);
		request.stop();
		assertThat(this.stopped.get(0).getLowCardinalityKeyValues()).isEmpty();
		assertThat(this.stopped.get(0).getHighCardinalityKeyValues()).isEmpty();
	}

	@Test
	void withoutACurrentObservationNothingHappens() {
		new RecordingObservationListener(this.registry).onFinished(this.analyzer.analyze(nPlusOne()));
		assertThat(this.stopped).isEmpty();
	}

	private RequestReplyReceiverContext<Object, Object> serverContext() {
		return new RequestReplyReceiverContext<>((carrier, key) -> null);
	}

	private static Recording nPlusOne() {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders/slow", null, 100);
		started.record("select * from orders", List.of(), 1, 3, 0, 1000, 1, "dataSource", null, null);
		for (int id = 1; id <= 3; id++) {
			started.record("select * from customer where id = ?", List.of(id), 1, 1, 0, 1000, 1, "dataSource",
					new CallSite("com.example.OrderController", "list", "OrderController.java", 20), null);
		}
		Recording recording = started.finish(200, "/orders/slow");
		return recording;
	}

}
