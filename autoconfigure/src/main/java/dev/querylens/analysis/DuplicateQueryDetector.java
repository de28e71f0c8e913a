package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Recording;
import dev.querylens.orm.EntityLoads;

/**
 * Finds statements run more than once with the same SQL and the same parameters in one
 * recording: work whose result the application already had. Calls of a sequence
 * ({@code next value for}, {@code nextval}) are not duplicates, since each returns a new
 * value.
 * <p>
 * One repeated unit of work is one finding: when the repeats of several statements follow
 * each other in the same order every time (a repository call and the secondary selects it
 * runs), they are reported together, named by the repository method when the ORM said
 * which one ran them. The finding names the call site of the first execution. Its advice
 * speaks of the persistence context only when the ORM made entities of the first
 * statement's rows.
 */
public final class DuplicateQueryDetector implements FindingDetector {

	@Override
	public List<Finding> detect(QueryGroups groups) {
		List<AnalyzedQuery> queries = groups.getQueries();
		Map<Integer, List<AnalyzedQuery>> byFirst = new LinkedHashMap<>();
		for (AnalyzedQuery query : queries) {
			if (query.duplicateOf() != null && !isSequenceCall(query.fingerprint())) {
				byFirst.computeIfAbsent(query.duplicateOf(), (first) -> {
					List<AnalyzedQuery> list = new ArrayList<>();
					list.add(queryAt(queries, first));
					return list;
				}).add(query);
			}
		}
		List<Finding> findings = new ArrayList<>();
		for (List<List<AnalyzedQuery>> unit : units(new ArrayList<>(byFirst.values()))) {
			findings.add(finding(groups.getRecording(), unit));
		}
		return findings;
	}

	// The query of an index, found without a map of every query: queries are kept in the
	// order of their indexes.
	private static AnalyzedQuery queryAt(List<AnalyzedQuery> queries, int index) {
		int low = 0;
		int high = queries.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int found = queries.get(middle).event().index();
			if (found < index) {
				low = middle + 1;
			}
			else if (found > index) {
				high = middle - 1;
			}
			else {
				return queries.get(middle);
			}
		}
		throw new IllegalStateException("No query " + index + " in the recording");
	}

	// Statements whose executions sit next to each other every time, in the same order,
	// are one unit of work.
	// A statement can only follow the one whose first execution came just before its own,
	// so units are found by that index rather than by trying each unit in turn.
	private static List<List<List<AnalyzedQuery>>> units(List<List<AnalyzedQuery>> repeats) {
		repeats.sort((a, b) -> Integer.compare(a.get(0).event().index(), b.get(0).event().index()));
		List<List<List<AnalyzedQuery>>> units = new ArrayList<>();
		Map<Integer, List<List<AnalyzedQuery>>> byLastFirstIndex = new HashMap<>();
		for (List<AnalyzedQuery> statement : repeats) {
			int firstIndex = statement.get(0).event().index();
			List<List<AnalyzedQuery>> joined = byLastFirstIndex.remove(firstIndex - 1);
			if (joined != null && !follows(joined.get(joined.size() - 1), statement)) {
				byLastFirstIndex.put(firstIndex - 1, joined);
				joined = null;
			}
			if (joined != null) {
				joined.add(statement);
			}
			else {
				joined = new ArrayList<>();
				joined.add(statement);
				units.add(joined);
			}
			byLastFirstIndex.put(firstIndex, joined);
		}
		return units;
	}

	private static boolean follows(List<AnalyzedQuery> previous, List<AnalyzedQuery> next) {
		if (previous.size() != next.size()) {
			return false;
		}
		for (int i = 0; i < previous.size(); i++) {
			if (next.get(i).event().index() != previous.get(i).event().index() + 1) {
				return false;
			}
		}
		return true;
	}

	// A sequence gives a new value on every call, so calling it again is not repeated
	// work (Hibernate's pooled
	// optimizer calls it twice on first use).
	static boolean isSequenceCall(String fingerprint) {
		return fingerprint.contains("next value for ") || fingerprint.contains("nextval(")
				|| fingerprint.contains("nextval (") || fingerprint.contains(".nextval");
	}

	private Finding finding(Recording recording, List<List<AnalyzedQuery>> unit) {
		List<AnalyzedQuery> executions = unit.get(0);
		AnalyzedQuery first = executions.get(0);
		int firstIndex = first.event().index();
		CallSite callSite = first.event().callSite();
		CallSite laterCallSite = null;
		List<Integer> indexes = new ArrayList<>();
		for (List<AnalyzedQuery> statement : unit) {
			for (AnalyzedQuery query : statement) {
				indexes.add(query.event().index());
			}
		}
		for (AnalyzedQuery query : executions) {
			if (laterCallSite == null && query.event().callSite() != null) {
				laterCallSite = query.event().callSite();
			}
		}
		indexes.sort(Integer::compare);
		CallSite converter = null;
		for (AnalyzedQuery query : executions.subList(1, executions.size())) {
			if (converter == null && QueryInViewDetector.isConversion(query.event().callSite())) {
				converter = query.event().callSite();
			}
		}
		String repositoryMethod = EntityLoads.of(recording).repositoryMethodOf(firstIndex);
		StringBuilder message = new StringBuilder();
		if (unit.size() == 1) {
			message.append('`').append(NPlusOneDetector.shorten(first.fingerprint())).append('`');
			if (repositoryMethod != null) {
				message.append(" (`").append(repositoryMethod).append("`)");
			}
		}
		else {
			message.append((repositoryMethod != null) ? "`" + repositoryMethod + "`, " : "The same ")
				.append(unit.size())
				.append(" statements (");
			for (int i = 0; i < unit.size(); i++) {
				message.append((i == 0) ? "" : (i == unit.size() - 1) ? ", then " : ", ")
					.append('`')
					.append(NPlusOneDetector.shorten(unit.get(i).get(0).fingerprint()))
					.append('`');
			}
			message.append(")");
		}
		message.append(" ran ").append(executions.size()).append(" times with the same parameters");
		if (callSite != null) {
			message.append(", first from `").append(callSite).append('`');
		}
		else if (laterCallSite != null) {
			message.append(", first from an unknown call site (a later one from `").append(laterCallSite).append("`)");
		}
		message.append('.');
		return new Finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, message.toString(), first.fingerprint(),
				executions.size(), (callSite != null) ? callSite.toString() : null, null,
				(converter != null) ? converterSuggestion(converter, repositoryMethod) : suggestion(
						EntityLoads.of(recording).isEntityStatement(firstIndex), repositoryMethod, unit.size()),
				indexes, false);
	}

	// A formatter or converter that queries cannot be handed a variable: it is called by
	// Spring's data binding, once for each value it converts.
	private static String converterSuggestion(CallSite converter, String repositoryMethod) {
		String method = converter.className().substring(converter.className().lastIndexOf('.') + 1) + "."
				+ converter.methodName();
		String cached = (repositoryMethod != null) ? "`@Cacheable` on `" + repositoryMethod + "`"
				: "`@Cacheable` on the method that queries";
		return "`" + method + "` ran it again: Spring's data binding calls a `Formatter`, `Converter` or "
				+ "`PropertyEditor` for each value it converts, so it queries each time. Look the value up in data loaded "
				+ "once (the `@ModelAttribute` list, or a map built once from it), or cache the lookup (" + cached
				+ ").";
	}

	private static String suggestion(boolean ranByTheOrm, String repositoryMethod, int statements) {
		String what = (statements > 1) ? "them" : "it";
		if (!ranByTheOrm) {
			return "Keep the result in a variable and pass it on instead of running " + what + " again, or cache "
					+ "it for the request if several components need it.";
		}
		String call = (repositoryMethod != null) ? "`" + repositoryMethod + "`" : "the query";
		return "Keep the entities in a variable and pass them on instead of calling " + call + " again. Repeating "
				+ "`findById` for an entity already loaded in the same persistence context is answered without SQL, "
				+ "but a JPQL or derived query always runs; outside a transaction (or with open-in-view off), or after "
				+ "`EntityManager.clear()`, each call starts from an empty persistence context.";
	}

}
