package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.TransactionLog;

/**
 * Finds work that took a connection from the pool for each statement: approximates
 * "statements one transaction would run on one connection" as at least {@code threshold}
 * connections checked out in one recording whose every statement ran in auto-commit mode
 * (so each committed alone), such as {@code jdbcTemplate.update(…)} called in a loop with
 * no transaction around it. A connection that ran any statement in a transaction does not
 * count, so the same loop inside one {@code @Transactional} method is silent; nor do the
 * statements of an N+1, whose fix removes them.
 */
public final class ConnectionChurnDetector implements FindingDetector, AfterNPlusOne {

	private final int threshold;

	/**
	 * Creates a detector.
	 * @param threshold auto-commit connection checkouts that are reported, at least 2
	 */
	public ConnectionChurnDetector(int threshold) {
		this.threshold = Math.max(2, threshold);
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		TransactionLog transactions = groups.getRecording().getTransactions();
		Map<Connection, List<AnalyzedQuery>> autoCommit = new LinkedHashMap<>();
		Set<Connection> inTransaction = new HashSet<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			QueryEvent event = query.event();
			Connection connection = new Connection(event.dataSource(), event.connectionId());
			if (transactions.isAutoCommit(event.index())) {
				autoCommit.computeIfAbsent(connection, (key) -> new ArrayList<>()).add(query);
			}
			else {
				inTransaction.add(connection);
			}
		}
		autoCommit.keySet().removeAll(inTransaction);
		if (autoCommit.size() < this.threshold) {
			return List.of();
		}
		List<AnalyzedQuery> queries = autoCommit.values().stream().flatMap(List::stream).toList();
		return List.of(finding(autoCommit.size(), queries));
	}

	/**
	 * Drops churn that is only an N+1's loop: one query instead of the loop removes its
	 * connections too, and the N+1 says so. Churn stays when the statements outside every
	 * N+1 still took {@code threshold} connections.
	 */
	@Override
	public List<Finding> withoutTheLoopsOfAnNPlusOne(List<Finding> findings, Set<Integer> inAnNPlusOne,
			QueryGroups groups) {
		// Made only when there is churn to judge: most recordings have none.
		Map<Integer, Connection> connections = null;
		List<Finding> kept = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			if (finding.type() != FindingType.CONNECTION_CHURN) {
				kept.add(finding);
				continue;
			}
			if (connections == null) {
				connections = new HashMap<>();
				for (AnalyzedQuery query : groups.getQueries()) {
					connections.put(query.event().index(),
							new Connection(query.event().dataSource(), query.event().connectionId()));
				}
			}
			Set<Connection> outside = new HashSet<>();
			for (int index : finding.queryIndexes()) {
				if (!inAnNPlusOne.contains(index)) {
					outside.add(connections.get(index));
				}
			}
			if (outside.size() >= this.threshold) {
				kept.add(finding);
			}
		}
		return kept;
	}

	private Finding finding(int connections, List<AnalyzedQuery> queries) {
		CallSite callSite = null;
		Map<String, Integer> byFingerprint = new HashMap<>();
		boolean writes = false;
		for (AnalyzedQuery query : queries) {
			if (callSite == null) {
				callSite = query.event().callSite();
			}
			byFingerprint.merge(query.fingerprint(), 1, Integer::sum);
			writes |= SqlShape.writtenTable(query.fingerprint()) != null;
		}
		String fingerprint = byFingerprint.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(queries.get(0).fingerprint());
		String from = (callSite != null) ? " from `" + callSite + "`" : "";
		String message = queries.size() + " statements" + from + " took " + connections
				+ " connections from the pool one after another, each committing alone (auto-commit, no transaction"
				+ " around them).";
		String method = (callSite != null) ? " on the method around them (`"
				+ callSite.className().substring(callSite.className().lastIndexOf('.') + 1) + "."
				+ callSite.methodName() + "`)" : " on the method around them";
		String suggestion = writes
				? "Run the writes in one transaction (`@Transactional`" + method + ", or a `TransactionTemplate`) so "
						+ "they share one connection and commit once; a loop of one statement is one "
						+ "`jdbcTemplate.batchUpdate(sql, batchArgs)`."
				: "Run the reads in one read-only transaction, `@Transactional(readOnly = true)`" + method
						+ ", so they share one connection.";
		List<Integer> indexes = queries.stream().map((query) -> query.event().index()).sorted().toList();
		return new Finding(FindingType.CONNECTION_CHURN, Severity.WARNING, message, fingerprint, connections,
				(callSite != null) ? callSite.toString() : null, null, suggestion, indexes, false);
	}

	private record Connection(String dataSource, int number) {
	}

}
