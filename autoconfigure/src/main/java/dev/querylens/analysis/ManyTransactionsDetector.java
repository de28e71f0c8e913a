package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Transaction;
import dev.querylens.capture.Transactions;

/**
 * Finds work split into many transactions: approximates "transactions one would do as
 * one" as at least {@code threshold} transactions in one recording that each began with
 * no other open on their thread ({@code REQUIRED}, not joined to one around them), such
 * as a {@code @Transactional} service method, or a Spring Data repository method (each is
 * transactional), called in a loop from code with no transaction. Transactions that begin
 * inside another ({@code REQUIRES_NEW}, {@code NESTED}) are deliberate and not counted,
 * nor are those whose statements all belong to an N+1, whose fix, one query, removes
 * them.
 */
public final class ManyTransactionsDetector implements FindingDetector, AfterNPlusOne {

	private final int threshold;

	/**
	 * Creates a detector.
	 * @param threshold transactions in one recording that are reported, at least 2
	 */
	public ManyTransactionsDetector(int threshold) {
		this.threshold = Math.max(2, threshold);
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Transactions log = groups.getRecording().getTransactions();
		List<Transaction> outermost = log.getTransactions()
			.stream()
			.filter((transaction) -> transaction.propagation().equals("REQUIRED"))
			.toList();
		if (outermost.size() < this.threshold) {
			return List.of();
		}
		Set<Integer> ids = outermost.stream().map(Transaction::id).collect(Collectors.toSet());
		List<Integer> indexes = new ArrayList<>();
		String fingerprint = null;
		for (AnalyzedQuery query : groups.getQueries()) {
			if (ids.contains(log.transactionOf(query.event().index()))) {
				indexes.add(query.event().index());
				fingerprint = (fingerprint != null) ? fingerprint : query.fingerprint();
			}
		}
		Map<String, Integer> byCallSite = new LinkedHashMap<>();
		boolean allReadOnly = true;
		for (Transaction transaction : outermost) {
			byCallSite.merge(
					(transaction.callSite() != null) ? transaction.callSite().toString() : "an unknown call site", 1,
					Integer::sum);
			allReadOnly &= transaction.readOnly();
		}
		String from = byCallSite.entrySet()
			.stream()
			.map((entry) -> "`" + entry.getKey() + "` ×" + entry.getValue())
			.collect(Collectors.joining(", "));
		String message = outermost.size() + " transactions began one after another, none inside another: " + from
				+ ". Each took a connection, and each commit is a round trip.";
		CallSite caller = commonCaller(outermost);
		String called = (byCallSite.size() == 1) ? "`" + simpleMethod(byCallSite.keySet().iterator().next()) + "`"
				: "them";
		boolean methods = outermost.get(0).callSite() != null && outermost.get(0).callSite().lineNumber() < 0;
		String on = (caller == null) ? "on the method that calls " + called
				: "on `" + simpleMethod(caller.toString()) + "`" + (methods ? ", which calls " + called : "");
		String suggestion = "Do the work in one transaction: put `@Transactional"
				+ (allReadOnly ? "(readOnly = true)" : "") + "` " + on
				+ " (or wrap the loop in a `TransactionTemplate`), so the calls join it and share one connection"
				+ (allReadOnly ? ""
						: "; a failure then rolls back the whole unit, which is usually what the work means")
				+ ".";
		CallSite first = (caller != null) ? caller : outermost.get(0).callSite();
		String callSite = (first != null) ? first.toString() : null;
		return List.of(new Finding(FindingType.MANY_TRANSACTIONS, Severity.WARNING, message,
				(fingerprint != null) ? fingerprint : "", outermost.size(), callSite, null, suggestion, indexes,
				false));
	}

	/**
	 * Drops the finding when fewer than {@code threshold} of its transactions ran a
	 * statement outside every N+1.
	 */
	@Override
	public List<Finding> withoutTheLoopsOfAnNPlusOne(List<Finding> findings, Set<Integer> inAnNPlusOne,
			QueryGroups groups) {
		Transactions log = groups.getRecording().getTransactions();
		List<Finding> kept = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			if (finding.type() != FindingType.MANY_TRANSACTIONS) {
				kept.add(finding);
				continue;
			}
			Map<Integer, Boolean> outside = new HashMap<>();
			for (int index : finding.queryIndexes()) {
				outside.merge(log.transactionOf(index), !inAnNPlusOne.contains(index), Boolean::logicalOr);
			}
			Set<Integer> withOwnWork = new HashSet<>();
			outside.forEach((id, own) -> {
				if (own) {
					withOwnWork.add(id);
				}
			});
			// Transactions that ran no statement at all are not an N+1's and still count.
			int empty = finding.count() - outside.size();
			if (withOwnWork.size() + empty >= this.threshold) {
				kept.add(finding);
			}
		}
		return kept;
	}

	/**
	 * The application method every transaction was begun from, where one
	 * {@code @Transactional} around them goes: the caller of a {@code @Transactional}
	 * method (whose own call site has no line), or the code that called a
	 * {@code TransactionTemplate}. The first such frame is returned, with its line.
	 */
	private static @Nullable CallSite commonCaller(List<Transaction> transactions) {
		CallSite first = null;
		for (Transaction transaction : transactions) {
			CallSite callSite = transaction.callSite();
			CallSite from = (callSite == null || callSite.lineNumber() >= 0) ? callSite : callSite.caller();
			if (from == null || from.methodName() == null) {
				return null;
			}
			if (first == null) {
				first = from;
			}
			else if (!first.className().equals(from.className()) || !first.methodName().equals(from.methodName())) {
				return null;
			}
		}
		return first;
	}

	private static String simpleMethod(String callSite) {
		int paren = callSite.indexOf('(');
		String qualified = (paren > 0) ? callSite.substring(0, paren) : callSite;
		int method = qualified.lastIndexOf('.');
		int type = (method > 0) ? qualified.lastIndexOf('.', method - 1) : -1;
		return qualified.substring(type + 1);
	}

}
