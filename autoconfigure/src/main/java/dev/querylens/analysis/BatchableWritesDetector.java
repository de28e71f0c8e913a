package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.TransactionLog;

/**
 * Finds loops of single-row writes: approximates "a write per entity that a JDBC batch
 * would send at once" as at least {@code threshold} INSERTs, UPDATEs or DELETEs of one
 * shape, each sent alone ({@code batchSize} 1) and touching at most one row, within one
 * run of writes on one connection (statements interleaved with other writes, as parent
 * and child inserts are without {@code order_inserts}, still count; a read in between
 * ends the run, since a loop that reads before each write cannot simply be batched).
 * Writes in auto-commit mode are one run across connections, since each such write takes
 * a connection of its own ({@code jdbcTemplate.update(…)} in a loop with no transaction).
 * <p>
 * Says that the key is identity-generated only when the mapping says so
 * ({@link IdentityKeyTables}).
 */
public final class BatchableWritesDetector implements FindingDetector {

	private final int threshold;

	private final IdentityKeyTables identityKeys;

	/**
	 * Creates a detector.
	 * @param threshold single-row writes of one shape in one run that are reported, at
	 * least 2
	 * @param identityKeys says which tables have identity-generated keys
	 */
	public BatchableWritesDetector(int threshold, IdentityKeyTables identityKeys) {
		this.threshold = Math.max(2, threshold);
		this.identityKeys = (identityKeys != null) ? identityKeys : IdentityKeyTables.none();
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		TransactionLog transactions = groups.getRecording().getTransactions();
		List<Finding> findings = new ArrayList<>();
		List<AnalyzedQuery> run = new ArrayList<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			boolean write = SqlShape.writtenTable(query.fingerprint()) != null;
			if (!write || (!run.isEmpty() && !sameRun(run.get(run.size() - 1).event(), query.event(), transactions))) {
				report(run, findings, transactions);
				run.clear();
			}
			if (write) {
				run.add(query);
			}
		}
		report(run, findings, transactions);
		return findings;
	}

	private static boolean sameRun(QueryEvent previous, QueryEvent next, TransactionLog transactions) {
		if (previous.connectionId() == next.connectionId()) {
			return true;
		}
		return transactions.isAutoCommit(previous.index()) && transactions.isAutoCommit(next.index());
	}

	private void report(List<AnalyzedQuery> run, List<Finding> findings, TransactionLog transactions) {
		// Every read ends a run, most of them empty or short: nothing to group then.
		if (run.size() < this.threshold) {
			return;
		}
		Map<String, List<AnalyzedQuery>> byFingerprint = new LinkedHashMap<>();
		for (AnalyzedQuery query : run) {
			QueryEvent event = query.event();
			if (event.batchSize() <= 1 && event.rows() <= 1 && !event.failed()) {
				byFingerprint.computeIfAbsent(query.fingerprint(), (key) -> new ArrayList<>()).add(query);
			}
		}
		boolean interleaved = byFingerprint.size() > 1;
		for (List<AnalyzedQuery> writes : byFingerprint.values()) {
			if (writes.size() >= this.threshold) {
				findings.add(finding(writes, interleaved, acrossConnections(writes, transactions)));
			}
		}
	}

	// Writes that each took their own connection in auto-commit mode: no ORM batches
	// those, a JDBC batch does.
	private static boolean acrossConnections(List<AnalyzedQuery> writes, TransactionLog transactions) {
		int connection = writes.get(0).event().connectionId();
		boolean several = false;
		for (AnalyzedQuery write : writes) {
			if (!transactions.isAutoCommit(write.event().index())) {
				return false;
			}
			several |= write.event().connectionId() != connection;
		}
		return several;
	}

	private Finding finding(List<AnalyzedQuery> writes, boolean interleaved, boolean acrossConnections) {
		String fingerprint = writes.get(0).fingerprint();
		String table = SqlShape.writtenTable(fingerprint);
		String verb = fingerprint.substring(0, fingerprint.indexOf(' ')).toUpperCase(java.util.Locale.ROOT);
		CallSite callSite = null;
		for (AnalyzedQuery write : writes) {
			if (write.event().callSite() != null) {
				callSite = write.event().callSite();
				break;
			}
		}
		String message = writes.size() + " single-row `" + verb + "`s " + (verb.equals("INSERT") ? "into" : "of") + " `"
				+ table + "` were sent one by one" + ((callSite != null) ? " from `" + callSite + "`" : "")
				+ (acrossConnections ? ", each on a connection of its own in auto-commit mode" : "") + ": `"
				+ NPlusOneDetector.shorten(fingerprint) + "`.";
		List<Integer> indexes = writes.stream().map((write) -> write.event().index()).toList();
		return new Finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, message, fingerprint, writes.size(),
				(callSite != null) ? callSite.toString() : null, null,
				acrossConnections ? jdbcBatchSuggestion() : suggestion(verb, table, interleaved), indexes, false);
	}

	private static String jdbcBatchSuggestion() {
		return "Send them as one JDBC batch in one transaction: `jdbcTemplate.batchUpdate(sql, batchArgs)` inside a "
				+ "`@Transactional` method (or a `TransactionTemplate`), so they take one connection, one round trip "
				+ "per batch and one commit instead of one each.";
	}

	private String suggestion(String verb, String table, boolean interleaved) {
		String batching = "set `spring.jpa.properties.hibernate.jdbc.batch_size=50` so Hibernate sends them as JDBC "
				+ "batches";
		return switch (verb) {
			case "INSERT" -> {
				String text = "Save the entities together (`saveAll(…)`, one flush) and " + batching
						+ (interleaved ? ", with `spring.jpa.properties.hibernate.order_inserts=true` so inserts "
								+ "into different tables do not break the batches" : "")
						+ ".";
				if (this.identityKeys.isIdentityGenerated(table)) {
					yield text + " But the key of `" + table + "` is identity-generated "
							+ "(`@GeneratedValue(strategy = IDENTITY)`): Hibernate runs each INSERT at once to read "
							+ "the new key and never batches them, whatever `batch_size` says. Use "
							+ "`GenerationType.SEQUENCE` (with an `allocationSize` such as 50) where the database has "
							+ "sequences, or assign the ids yourself.";
				}
				yield text + " (Batching needs keys known before the insert: an entity whose id is "
						+ "`GenerationType.IDENTITY` is never batched.)";
			}
			case "UPDATE" -> "Change the entities in one transaction and " + batching
					+ (interleaved ? ", with `spring.jpa.properties.hibernate.order_updates=true`" : "")
					+ "; when every row gets the same change, one `@Modifying @Query(\"update … where e.id in :ids\")` "
					+ "does it in a single statement.";
			default -> "Delete in one statement: `deleteAllByIdInBatch(ids)` or `@Modifying @Query(\"delete from … "
					+ "where e.id in :ids\")`; or " + batching + ".";
		};
	}

}
