package dev.querylens.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryRecordingStore}.
 */
class InMemoryRecordingStoreTests {

	private final RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(5, AssociationResolver.none());

	@Test
	void theOldestAreDroppedWhenTheCountIsReached() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(2);
		store.add(recording("a", 10));
		store.add(recording("b", 10));
		store.add(recording("c", 10));
		assertThat(store.findAll()).extracting((analyzed) -> analyzed.recording().getUri()).containsExactly("c", "b");
	}

	@Test
	void theOldestAreDroppedToStayWithinTheBudget() {
		AnalyzedRecording sample = recording("r0", 10_000);
		long one = RecordingSize.estimate(sample);
		InMemoryRecordingStore store = new InMemoryRecordingStore(100, 3 * one + one / 2);
		for (int i = 0; i < 10; i++) {
			store.add(recording("r" + i, 10_000));
			assertThat(store.getSize()).isLessThanOrEqualTo(store.getMaxSize());
		}
		assertThat(store.findAll()).extracting((analyzed) -> analyzed.recording().getUri())
			.containsExactly("r9", "r8", "r7");
		assertThat(store.getCount()).isEqualTo(3);
		assertThat(store.getSize()).isEqualTo(3 * one);
	}

	@Test
	void aSmallRecordingTakesThePlaceOfAsManyAsItNeeds() {
		AnalyzedRecording big = recording("big", 10_000);
		long bigSize = RecordingSize.estimate(big);
		InMemoryRecordingStore store = new InMemoryRecordingStore(100, bigSize + 100);
		store.add(big);
		store.add(recording("small", 10));
		assertThat(store.findAll()).extracting((analyzed) -> analyzed.recording().getUri()).containsExactly("small");
	}

	@Test
	void theNewestIsKeptEvenWhenAloneLargerThanTheBudget() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(100, 100);
		store.add(recording("a", 10_000));
		store.add(recording("b", 10_000));
		assertThat(store.findAll()).extracting((analyzed) -> analyzed.recording().getUri()).containsExactly("b");
		assertThat(store.getSize()).isGreaterThan(100);
	}

	@Test
	void theEstimateGrowsWithTheTextKept() {
		long small = RecordingSize.estimate(recording("a", 1_000));
		long large = RecordingSize.estimate(recording("a", 101_000));
		// Two bytes per character of the SQL; the fingerprint of "select 'xxx…'" is
		// short.
		assertThat(large - small).isBetween(200_000L, 201_000L);
	}

	@Test
	void clearingEmptiesTheBudget() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(10);
		store.add(recording("a", 100));
		store.clear();
		assertThat(store.getSize()).isZero();
		assertThat(store.getCount()).isZero();
	}

	private AnalyzedRecording recording(String name, int sqlLength) {
		return recording(Kind.TEST, name, sqlLength);
	}

	private AnalyzedRecording task(String name, int sqlLength) {
		return recording(Kind.TASK, name, sqlLength);
	}

	private AnalyzedRecording recording(Kind kind, String name, int sqlLength) {
		Recording.Started started = Recording.start(kind, null, name, null, 10);
		String sql = "select '" + "x".repeat(Math.max(0, sqlLength - 9)) + "'";
		started.record(sql, List.of(), 1, 0, 0, 1, 1, "dataSource", null, null);
		Recording recording = started.finish(200, null);
		return this.analyzer.analyze(recording);
	}

	@Test
	void aTaskThatRunsOftenCannotPushTheRequestsOut() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(3, 2, InMemoryRecordingStore.DEFAULT_MAX_SIZE);
		AnalyzedRecording request = add(store, Kind.HTTP, "/orders");
		for (int i = 0; i < 50; i++) {
			add(store, Kind.TASK, "Job.tick");
		}
		assertThat(store.findAll()).hasSize(3).contains(request);
		assertThat(store.findById(request.recording().getId())).contains(request);
	}

	@Test
	void eachKindKeepsItsOwnNewestAndTheListIsNewestFirstAcrossKinds() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(2, 2, InMemoryRecordingStore.DEFAULT_MAX_SIZE);
		add(store, Kind.HTTP, "/a");
		AnalyzedRecording b = add(store, Kind.HTTP, "/b");
		add(store, Kind.TASK, "first");
		AnalyzedRecording c = add(store, Kind.HTTP, "/c");
		AnalyzedRecording second = add(store, Kind.TASK, "second");
		AnalyzedRecording third = add(store, Kind.TASK, "third");
		assertThat(store.findAll()).containsExactly(third, second, c, b);
		store.clear();
		assertThat(store.findAll()).isEmpty();
		assertThat(store.findById(third.recording().getId())).isEmpty();
	}

	private long second;

	private AnalyzedRecording add(InMemoryRecordingStore store, Kind kind, String name) {
		Clock clock = Clock.fixed(Instant.EPOCH.plusSeconds(this.second++), ZoneOffset.UTC);
		Recording.Started started = Recording.start(kind, null, name, null, 10, clock, System::nanoTime);
		Recording recording = started.finish(0, null);
		AnalyzedRecording analyzed = this.analyzer.analyze(recording);
		store.add(analyzed);
		return analyzed;
	}

	@Test
	void aRecordingOverTheBudgetDropsTheOldestOfItsOwnKindFirst() {
		AnalyzedRecording sample = recording("r0", 10_000);
		long one = RecordingSize.estimate(sample);
		InMemoryRecordingStore store = new InMemoryRecordingStore(100, 100, 2 * one + one / 2);
		store.add(recording("request", 10_000));
		store.add(task("task-1", 10_000));
		store.add(task("task-2", 10_000));
		assertThat(store.findAll()).extracting((analyzed) -> analyzed.recording().getUri())
			.containsExactly("task-2", "request");
	}

}
