package dev.querylens.demo.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.querylens.it.TestDatabase;

/**
 * What each variant of each lesson must do: its exact statement count on each database
 * and the findings QueryLens must report, by type name. The lesson tests assert these
 * numbers and the lesson table of demo-app/README.md must show the same ones.
 * <p>
 * Findings are names, so a lesson can expect a type no detector reports yet: a test
 * asserts an expected finding only when its type is in {@link #DETECTED}, and fails on
 * any finding reported that is not listed.
 */
final class LessonExpectations {

	/**
	 * The finding types whose presence and absence the lessons assert: every type
	 * QueryLens reports except {@code SLOW_QUERY}, which depends on the machine's speed.
	 */
	static final Set<String> DETECTED = Set.of("N_PLUS_ONE", "DUPLICATE_QUERY", "BATCHABLE_WRITES", "READ_MODIFY_WRITE",
			"UNBOUNDED_RESULT", "WIDE_ROWS", "LAZY_LOAD_IN_VIEW", "QUERY_IN_VIEW", "MANY_TRANSACTIONS",
			"CONNECTION_HELD");

	/**
	 * The databases the lessons run on, as {@code @TestDatabase} names them, with their
	 * names in demo-app/README.md.
	 */
	static final Map<String, String> DATABASES = Map.of("h2", "H2", "postgres", "PostgreSQL", "mariadb", "MariaDB");

	static final List<Expectation> ALL = List.of(variant("to-one-n-plus-one", "slow", 11, "N_PLUS_ONE"),
			variant("to-one-n-plus-one", "fast", 1), variant("to-one-n-plus-one", "entity-graph", 1),
			variant("collection-n-plus-one", "slow", 51, "N_PLUS_ONE"), variant("collection-n-plus-one", "fast", 1),
			variant("collection-n-plus-one", "batch-fetch", 2), variant("collection-fetch-paging", "slow", 1),
			variant("collection-fetch-paging", "fast", 2), variant("filtered-children", "slow", 51, "N_PLUS_ONE"),
			variant("filtered-children", "fast", 2),
			// 20 entries of 50 kB descriptions read as entities; the projections leave
			// the description out.
			variant("projections", "slow", 1, "WIDE_ROWS"), variant("projections", "fast", 1),
			variant("projections", "record", 1), variant("report-tuples", "slow", 1),
			variant("report-tuples", "fast", 1), variant("aggregation", "slow", 1), variant("aggregation", "fast", 1),
			variant("batch-inserts", "slow", 102, "BATCHABLE_WRITES"),
			variant("batch-inserts", "identity-keys", 101, "BATCHABLE_WRITES"), variant("batch-inserts", "fast", 4),
			variant("bulk-update", "slow", 103, "BATCHABLE_WRITES"), variant("bulk-update", "fast", 3),
			variant("streaming", "slow", 1, "UNBOUNDED_RESULT"),
			// Streaming still reads every row, one at a time: what it fixes is memory,
			// not the size of the result.
			variant("streaming", "fast", 1, "UNBOUNDED_RESULT"), variant("index", "slow", 1),
			variant("index", "fast", 1), variant("evaluated-twice", "slow", 2, "DUPLICATE_QUERY"),
			variant("evaluated-twice", "fast", 1), variant("exists-count", "slow", 2),
			variant("exists-count", "fast", 2), variant("atomic-update", "slow", 4, "READ_MODIFY_WRITE"),
			variant("atomic-update", "fast", 3), variant("connection-pool", "slow", 5, "CONNECTION_CHURN"),
			// The pool makes each connection cheap, the one read-only transaction makes
			// it one.
			variant("connection-pool", "fast", 5), variant("one-transaction", "slow", 5, "MANY_TRANSACTIONS"),
			variant("one-transaction", "fast", 5),
			// The slow variant holds its connection through a 600 ms call:
			// CONNECTION_HELD
			// whatever the machine's speed.
			variant("connection-held", "slow", 2, "CONNECTION_HELD"), variant("connection-held", "fast", 2));

	private LessonExpectations() {
	}

	static List<String> lessons() {
		return ALL.stream().map(Expectation::lesson).distinct().toList();
	}

	static List<Expectation> of(String lesson) {
		return ALL.stream().filter((expectation) -> expectation.lesson().equals(lesson)).toList();
	}

	/**
	 * Returns the rows of demo-app/README.md's lesson table, as they must appear there.
	 * @return the rows, one per variant, in markdown
	 */
	static List<String> readmeRows() {
		List<String> rows = new ArrayList<>();
		for (Expectation expectation : ALL) {
			rows.add("| [`" + expectation.lesson() + "`](http://localhost:8080/lessons/" + expectation.lesson()
					+ ") | `" + expectation.variant() + "` | " + expectation.statementsText() + " | "
					+ (expectation.findings().isEmpty() ? "none"
							: expectation.findings()
								.stream()
								.map((f) -> "`" + f + "`")
								.collect(Collectors.joining(", ")))
					+ " |");
		}
		return rows;
	}

	private static Expectation variant(String lesson, String variant, int statements, String... findings) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String database : List.of("h2", "postgres", "mariadb")) {
			counts.put(database, statements);
		}
		return new Expectation(lesson, variant, counts, List.of(findings));
	}

	/**
	 * One variant's expected numbers.
	 *
	 * @param lesson the lesson's name
	 * @param variant the variant's name
	 * @param statements the statement count per database
	 * @param findings the finding types it must report, by name
	 */
	record Expectation(String lesson, String variant, Map<String, Integer> statements, List<String> findings) {

		int statementsOn(String database) {
			return this.statements.get(database);
		}

		String statementsText() {
			if (this.statements.values().stream().distinct().count() == 1) {
				return Integer.toString(this.statements.values().iterator().next());
			}
			return this.statements.entrySet()
				.stream()
				.map((entry) -> DATABASES.get(entry.getKey()) + " " + entry.getValue())
				.collect(Collectors.joining(", "));
		}

	}

}
