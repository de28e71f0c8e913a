package dev.querylens.capture;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recording of a long task (a million statements) keeps {@code maxQueries} in full and
 * exact tallies beyond, in a memory bounded by {@code maxQueries}: whether the task
 * repeats one prepared statement or builds each from literals.
 */
class LongRecordingTests {

	private static final int STATEMENTS = 1_000_000;

	private static final int MAX_QUERIES = 1000;

	private static final CallSite SITE = new CallSite("com.example.Export", "run", "Export.java", 42);

	@Test
	void aMillionExecutionsOfOneStatementKeepTheLimitInFullAndCountTheRestExactly() {
		Recording recording = record((i) -> "select name from customer where id = ?");
		assertThat(recording.getQueries()).hasSize(MAX_QUERIES);
		assertThat(recording.getQueryCount()).isEqualTo(STATEMENTS);
		assertThat(recording.getQueryTimeNanos()).isEqualTo(STATEMENTS * 1000L);
		assertThat(recording.getOverflow()).singleElement()
			.satisfies((tally) -> assertThat(tally.count()).isEqualTo(STATEMENTS - MAX_QUERIES));
	}

	@Test
	void aMillionDistinctStatementsTallyAtMostAsManyStringsAsTheyKeepAndTheRestTogether() {
		Recording recording = record((i) -> "select name from customer where id = " + i);
		assertThat(recording.getQueries()).hasSize(MAX_QUERIES);
		assertThat(recording.getQueryCount()).isEqualTo(STATEMENTS);
		List<SqlTally> overflow = recording.getOverflow();
		assertThat(overflow).hasSize(MAX_QUERIES + 1);
		assertThat(overflow.get(MAX_QUERIES).sql()).isEqualTo(SqlTally.OTHER);
		assertThat(overflow.stream().mapToLong(SqlTally::count).sum()).isEqualTo(STATEMENTS - MAX_QUERIES);
		assertThat(overflow.stream().mapToLong(SqlTally::durationNanos).sum())
			.isEqualTo((STATEMENTS - MAX_QUERIES) * 1000L);
	}

	@Test
	void pastTheLimitNoCallSiteIsAskedFor() {
		Recording.Started started = Recording.start(Kind.TASK, "task", "export", null, 2);
		assertThat(started.wantsCallSite("select 1")).isTrue();
		started.record("select 1", List.of(), 1, 1, 0, 1000, 1, "dataSource", SITE, null);
		started.record("select 1", List.of(), 1, 1, 0, 1000, 1, "dataSource", SITE, null);
		assertThat(started.wantsCallSite("select 2")).isFalse();
	}

	/**
	 * Prints the heap a finished recording of a million statements retains, for
	 * docs/tasks.md: a measurement, not a test, so it is a {@code main} the test run
	 * never skips.
	 * @param args unused
	 */
	public static void main(String[] args) {
		for (String shape : List.of("one prepared statement", "distinct literals")) {
			long before = usedAfterGc();
			Recording recording = record((i) -> shape.startsWith("one") ? "select name from customer where id = ?"
					: "select name from customer where id = " + i);
			long after = usedAfterGc();
			System.out.printf("QueryLens recording of %,d statements (%s, max-queries %d): %,d KB retained%n",
					recording.getQueryCount(), shape, MAX_QUERIES, (after - before) / 1024);
		}
	}

	private static Recording record(java.util.function.IntFunction<String> sql) {
		Recording.Started started = Recording.start(Kind.TASK, "task", "export", null, MAX_QUERIES);
		for (int i = 0; i < STATEMENTS; i++) {
			String statement = sql.apply(i);
			CallSite site = started.wantsCallSite(statement) ? SITE : null;
			started.record(statement, List.of(i), 1, 1, 0, 1000, 1, "dataSource", site, null);
		}
		Recording recording = started.finish(0, null);
		return recording;
	}

	private static long usedAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
