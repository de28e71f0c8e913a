package dev.querylens.report;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.report.RecordingDescriptor.ConnectionFailureDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection a data source could not hand out is part of the recording's JSON: counted
 * in the summary, described in full.
 */
class ConnectionFailureDescriptorTests {

	@Test
	void aFailedConnectionIsCountedInTheSummaryAndDescribedInTheFullRecording() {
		AtomicLong nanos = new AtomicLong(1_000_000_000L);
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders", null, 10, Clock.systemUTC(),
				nanos::get);
		started.recordConnectionFailure("orders", 1_002_000_000L, 250_000_000L,
				new CallSite("com.example.OrderController", "list", "OrderController.java", 31),
				"java.sql.SQLTransientConnectionException: orders - Connection is not available");
		nanos.set(1_300_000_000L);
		Recording recording = started.finish(500, "/orders");
		RecordingDescriptor descriptor = RecordingDescriptor
			.of(RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none()).analyze(recording), false);
		assertThat(descriptor.connectionCount()).isZero();
		assertThat(descriptor.connectionFailureCount()).isEqualTo(1);
		assertThat(RecordingSummaryDescriptor
			.of(RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none()).analyze(recording))
			.connectionFailureCount()).isEqualTo(1);
		assertThat(descriptor.connectionFailures()).containsExactly(new ConnectionFailureDescriptor("orders", 2.0,
				250.0, Thread.currentThread().getName(), "com.example.OrderController.list(OrderController.java:31)",
				"java.sql.SQLTransientConnectionException: orders - Connection is not available"));
	}

}
