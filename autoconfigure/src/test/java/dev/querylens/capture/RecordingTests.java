package dev.querylens.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Recording}.
 */
class RecordingTests {

	private final AtomicLong nanos = new AtomicLong(1_000);

	private Recording.Started start(int maxQueries) {
		return Recording.start(Kind.HTTP, "GET", "/orders", "page=2", maxQueries,
				Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), this.nanos::get);
	}

	@Test
	void queriesAreKeptInOrderWithTheirOffsetAndPhase() {
		Recording.Started started = start(10);
		this.nanos.set(1_500);
		started.record("select 1", List.of(), 1, 1, 1_500, 100, 1, "dataSource", null, null);
		started.enterView("orders/list");
		started.record("select 2", List.of(), 1, 1, 2_000, 200, 1, "dataSource", null, null);
		this.nanos.set(5_000);
		Recording recording = started.finish(200, "/orders");
		assertThat(recording).isNotNull();
		assertThat(recording.getQueries()).extracting(QueryEvent::index).containsExactly(0, 1);
		assertThat(recording.getQueries().get(0).offsetNanos()).isEqualTo(500);
		assertThat(recording.getQueries().get(0).phase()).isEqualTo(Phase.HANDLER);
		assertThat(recording.getQueries().get(1).phase()).isEqualTo(Phase.VIEW);
		assertThat(recording.getQueries().get(1).callSite()).hasToString("view:orders/list");
		assertThat(recording.getDurationNanos()).isEqualTo(4_000);
		assertThat(recording.getQueryTimeNanos()).isEqualTo(300);
		assertThat(started.getStartedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
	}

	@Test
	void pastTheLimitQueriesAreCountedExactlyButNotKept() {
		Recording.Started started = start(2);
		for (int i = 0; i < 5; i++) {
			started.record("select " + (i % 2), List.of(), 1, 1, 1_000, 10, 1, "dataSource", null, null);
		}
		Recording recording = started.finish(200, null);
		assertThat(recording.getQueryCount()).isEqualTo(5);
		assertThat(recording.getQueries()).hasSize(2);
		assertThat(recording.isTruncated()).isTrue();
		assertThat(recording.getQueryTimeNanos()).isEqualTo(50);
		assertThat(recording.getOverflow()).extracting(SqlTally::count).containsExactly(2, 1);
	}

	@Test
	void connectionsAreNumberedFromOneInOrderOfFirstUseWithinTheRecording() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 10);
		started.record("select 1", List.of(), 1, 1, 1_000, 10, 829, "primary", null, null);
		started.record("select 2", List.of(), 1, 1, 1_000, 10, 830, "primary", null, null);
		started.record("select 3", List.of(), 1, 1, 1_000, 10, 829, "primary", null, null);
		started.record("select 4", List.of(), 1, 1, 1_000, 10, 829, "reports", null, null);
		Recording recording = started.finish(200, null);
		assertThat(recording.getQueries()).extracting(QueryEvent::connectionId).containsExactly(1, 2, 1, 3);
	}

	@Test
	void aFinishedRecordingTakesNoMoreQueriesAndFinishesOnce() {
		Recording.Started started = start(10);
		Recording recording = started.finish(200, null);
		assertThat(started.finish(500, null)).isNull();
		assertThat(started.record("select 1", List.of(), 1, 1, 1_000, 10, 1, "ds", null, null)).isEqualTo(-1);
		assertThat(recording.getQueryCount()).isZero();
		assertThat(recording.getStatus()).isEqualTo(200);
	}

	@Test
	void rowsReadAfterRecordingAreAdded() {
		Recording.Started started = start(10);
		int index = started.record("select * from t", List.of(), 1, 0, 1_000, 10, 1, "ds", null, null);
		started.addRead(index, 50, 0, null);
		Recording recording = started.finish(200, null);
		assertThat(recording.getQueries().get(0).rows()).isEqualTo(50);
	}

	@Test
	void aScopeRestoresThePreviousBinding() {
		Recording.Started outerStarted = start(10);
		Recording.Started innerStarted = start(10);
		try (CurrentRecording.Scope a = CurrentRecording.bind(outerStarted)) {
			try (CurrentRecording.Scope b = CurrentRecording.bind(innerStarted)) {
				assertThat(CurrentRecording.get()).isSameAs(innerStarted);
			}
			assertThat(CurrentRecording.get()).isSameAs(outerStarted);
		}
		assertThat(CurrentRecording.get()).isNull();
	}

	@Test
	void aWrappedTaskRunsBoundToTheRecordingThatWasCurrent() throws Exception {
		Recording.Started started = start(10);
		AtomicReference<Recording.Started> bound = new AtomicReference<>();
		Runnable task;
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			// Noted on the other thread, asserted on this one: a failed assertion there
			// would only end that thread.
			task = CurrentRecording.wrap(() -> bound.set(CurrentRecording.get()));
		}
		Thread thread = new Thread(task);
		thread.start();
		thread.join();
		assertThat(bound.get()).isSameAs(started);
		assertThat(CurrentRecording.wrap(task)).isSameAs(task);
	}

	@Test
	void aKeptAttributeIsMergedAndReachesTheFinishedRecordingAndOneForTheRunOnlyDoesNot() {
		RecordingAttribute<Set<String>> kept = RecordingAttribute.kept("kept", (before, now) -> {
			Set<String> all = new java.util.TreeSet<>(before);
			all.addAll(now);
			return Set.copyOf(all);
		});
		RecordingAttribute<List<String>> running = RecordingAttribute.whileRunning("running");
		Recording.Started started = start(10);
		started.attach(kept, Set.of("a"));
		started.attach(kept, Set.of("b"));
		List<String> tracked = started.attached(running, java.util.ArrayList::new);
		assertThat(started.attached(running, java.util.ArrayList::new)).isSameAs(tracked);
		Recording recording = started.finish(200, null);
		assertThat(recording.getAttribute(kept)).containsExactlyInAnyOrder("a", "b");
		assertThat(recording.getAttribute(running)).isNull();
		started.attach(kept, Set.of("c"));
		assertThat(recording.getAttribute(kept)).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void whatIsGatheredWhileRunningIsKeptUnderItsKeptKeyOnceFinished() {
		RecordingAttribute<List<String>> kept = RecordingAttribute.kept("kept", (before, now) -> now);
		RecordingAttribute<List<String>> gathered = RecordingAttribute.whileRunning("gathered", kept, List::copyOf);
		Recording.Started started = start(10);
		started.attached(gathered, java.util.ArrayList::new).add("a");
		started.attached(gathered, java.util.ArrayList::new).add("b");
		Recording recording = started.finish(200, null);
		assertThat(recording.getAttribute(kept)).containsExactly("a", "b");
		assertThat(recording.getAttribute(gathered)).isNull();
	}

	@Test
	void whatWasGatheredIsFinishedOutsideTheRecordingsLock() throws Exception {
		// A package gathers under its own lock and calls the recording while it holds it,
		// so finish must not hold the recording's lock while it takes the package's: here
		// another thread reads the recording while the value is finished.
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Recording.Started started = start(10);
			RecordingAttribute<Integer> kept = RecordingAttribute.kept("kept", (before, now) -> now);
			RecordingAttribute<List<String>> gathered = RecordingAttribute.whileRunning("gathered", kept,
					(value) -> join(other.submit(started::getQueryCount)));
			started.attached(gathered, java.util.ArrayList::new);
			assertThat(started.finish(200, null).getAttribute(kept)).isZero();
		}
		finally {
			other.shutdownNow();
		}
	}

	private static <T> T join(Future<T> future) {
		try {
			// Bounds a deadlock, not a race: the other thread answers at once or never.
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void rowsReadAfterAStatementWasRecordedReachItsEventOnceFinished() {
		Recording.Started started = start(10);
		int index = started.record("select name from customer", List.of(), 1, 0, 1_000, 10, 1, "ds", null, null);
		started.addRead(index, 3, 30, null);
		started.addRead(index, 2, 20, "name");
		Recording recording = started.finish(200, null);
		started.addRead(index, 7, 70, null);
		QueryEvent event = recording.getQueries().get(0);
		assertThat(event.rows()).isEqualTo(5);
		assertThat(event.bytesRead()).isEqualTo(50);
		assertThat(event.widestColumn()).isEqualTo("name");
	}

}
