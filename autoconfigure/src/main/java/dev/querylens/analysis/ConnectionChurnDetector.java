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
import dev.querylens.capture.Transactions;

/**
 * Finds work that took a connection from the pool for each statement: approximates
 * "statements one transaction would run on one connection" as at least {@code threshold}
 * connections checked out in one recording whose every statement ran in auto-commit mode
 * (so each committed alone), such as {@code jdbcTemplate.update(…)} called in a loop with
 * no transaction around it. A connection that ran any statement in a transaction does not
 * count, so the same loop inside one {@code @Transactional} method is silent; nor do the
 * connections of an N+1 or of batchable writes, whose fix removes them
 * ({@link FindingPrecedence}).
 */
public final class ConnectionChurnDetector implements FindingDetector, FindingPrecedence.UnitsOfWork {

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
		Transactions transactions = groups.getRecording().getTransactions();
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

	@Override
	public FindingType type() {
		return FindingType.CONNECTION_CHURN;
	}

	/**
	 * Whether churn stays when a stronger finding's loop is fixed: one query instead of
	 * an N+1's loop, or one batch instead of single writes, removes their connections
	 * too. Churn stays when {@code threshold} of its connections still ran work of their
	 * own.
	 */
	@Override
	public boolean standsWithout(Finding finding, FindingPrecedence.Explained explained, QueryGroups groups) {
		Map<Integer, Connection> connectionOf = new HashMap<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			connectionOf.put(query.event().index(),
					new Connection(query.event().dataSource(), query.event().connectionId()));
		}
		Map<Connection, List<Integer>> statements = new LinkedHashMap<>();
		for (int index : finding.queryIndexes()) {
			statements.computeIfAbsent(connectionOf.get(index), (key) -> new ArrayList<>()).add(index);
		}
		int own = 0;
		for (List<Integer> ofOneConnection : statements.values()) {
			if (explained.hasWorkOfItsOwn(ofOneConnection)) {
				own++;
			}
		}
		return own >= this.threshold;
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
