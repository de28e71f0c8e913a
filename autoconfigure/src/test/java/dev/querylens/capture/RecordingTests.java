package dev.querylens.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Recording}.
 */
class RecordingTests {

	private final AtomicLong nanos = new AtomicLong(1_000);

	private Recording start(int maxQueries) {
		return Recording.start(Kind.HTTP, "GET", "/orders", "page=2", maxQueries,
				Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), this.nanos::get);
	}

	@Test
	void queriesAreKeptInOrderWithTheirOffsetAndPhase() {
		Recording recording = start(10);
		this.nanos.set(1_500);
		recording.record("select 1", List.of(), 1, 1, 1_500, 100, 1, "dataSource", null, null);
		recording.enterView("orders/list");
		recording.record("select 2", List.of(), 1, 1, 2_000, 200, 1, "dataSource", null, null);
		this.nanos.set(5_000);
		assertThat(recording.finish(200, "/orders")).isTrue();
		assertThat(recording.getQueries()).extracting(QueryEvent::index).containsExactly(0, 1);
		assertThat(recording.getQueries().get(0).offsetNanos()).isEqualTo(500);
		assertThat(recording.getQueries().get(0).phase()).isEqualTo(Phase.HANDLER);
		assertThat(recording.getQueries().get(1).phase()).isEqualTo(Phase.VIEW);
		assertThat(recording.getQueries().get(1).callSite()).hasToString("view:orders/list");
		assertThat(recording.getDurationNanos()).isEqualTo(4_000);
		assertThat(recording.getQueryTimeNanos()).isEqualTo(300);
		assertThat(recording.getStartedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
	}

	@Test
	void pastTheLimitQueriesAreCountedExactlyButNotKept() {
		Recording recording = start(2);
		for (int i = 0; i < 5; i++) {
			recording.record("select " + (i % 2), List.of(), 1, 1, 1_000, 10, 1, "dataSource", null, null);
		}
		recording.finish(200, null);
		assertThat(recording.getQueryCount()).isEqualTo(5);
		assertThat(recording.getQueries()).hasSize(2);
		assertThat(recording.isTruncated()).isTrue();
		assertThat(recording.getQueryTimeNanos()).isEqualTo(50);
		assertThat(recording.getOverflow()).extracting(SqlTally::count).containsExactly(2, 1);
	}

	@Test
	void connectionsAreNumberedFromOneInOrderOfFirstUseWithinTheRecording() {
		Recording recording = Recording.start(Kind.TEST, null, "t", null, 10);
		recording.record("select 1", List.of(), 1, 1, 1_000, 10, 829, "primary", null, null);
		recording.record("select 2", List.of(), 1, 1, 1_000, 10, 830, "primary", null, null);
		recording.record("select 3", List.of(), 1, 1, 1_000, 10, 829, "primary", null, null);
		recording.record("select 4", List.of(), 1, 1, 1_000, 10, 829, "reports", null, null);
		recording.finish(200, null);
		assertThat(recording.getQueries()).extracting(QueryEvent::connectionId).containsExactly(1, 2, 1, 3);
	}

	@Test
	void aFinishedRecordingTakesNoMoreQueriesAndFinishesOnce() {
		Recording recording = start(10);
		recording.finish(200, null);
		assertThat(recording.finish(500, null)).isFalse();
		assertThat(recording.record("select 1", List.of(), 1, 1, 1_000, 10, 1, "ds", null, null)).isEqualTo(-1);
		assertThat(recording.getQueryCount()).isZero();
		assertThat(recording.getStatus()).isEqualTo(200);
	}

	@Test
	void rowsReadAfterRecordingAreAdded() {
		Recording recording = start(10);
		int index = recording.record("select * from t", List.of(), 1, 0, 1_000, 10, 1, "ds", null, null);
		recording.addRead(index, 50, 0, null);
		recording.finish(200, null);
		assertThat(recording.getQueries().get(0).rows()).isEqualTo(50);
	}

	@Test
	void aScopeRestoresThePreviousBinding() {
		Recording outer = start(10);
		Recording inner = start(10);
		try (CurrentRecording.Scope a = CurrentRecording.bind(outer)) {
			try (CurrentRecording.Scope b = CurrentRecording.bind(inner)) {
				assertThat(CurrentRecording.get()).isSameAs(inner);
			}
			assertThat(CurrentRecording.get()).isSameAs(outer);
		}
		assertThat(CurrentRecording.get()).isNull();
	}

	@Test
	void aWrappedTaskRunsBoundToTheRecordingThatWasCurrent() throws Exception {
		Recording recording = start(10);
		AtomicReference<Recording> bound = new AtomicReference<>();
		Runnable task;
		try (CurrentRecording.Scope scope = CurrentRecording.bind(recording)) {
			// Noted on the other thread, asserted on this one: a failed assertion there
			// would only end that thread.
			task = CurrentRecording.wrap(() -> bound.set(CurrentRecording.get()));
		}
		Thread thread = new Thread(task);
		thread.start();
		thread.join();
		assertThat(bound.get()).isSameAs(recording);
		assertThat(CurrentRecording.wrap(task)).isSameAs(task);
	}

	@Test
	void ignoredFindingTypesAddUp() {
		Recording recording = Recording.start(Kind.HTTP, "GET", "/", null, 10);
		assertThat(recording.getIgnoredFindingTypes()).isEmpty();
		recording.ignoreFindings(Set.of("N_PLUS_ONE"));
		recording.ignoreFindings(Set.of("DUPLICATE_QUERY"));
		recording.ignoreFindings(Set.of());
		assertThat(recording.getIgnoredFindingTypes()).containsExactlyInAnyOrder("N_PLUS_ONE", "DUPLICATE_QUERY");
	}

}
