package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Phase;
import dev.querylens.capture.Recording;

/**
 * Finds statements that ran while the view rendered ({@link Phase#VIEW}) and were not
 * lazy loads: application code the template called, most often a {@code Formatter},
 * {@code Converter} or {@code PropertyEditor} that queries a repository (Spring calls it
 * for every {@code <option>} of a {@code th:field} select), or a bean method called from
 * an expression. One finding per application call site: a single statement is
 * {@link Severity#INFO a note}, repeats from one call site a {@link Severity#WARNING
 * warning}.
 * <p>
 * Statements whose call site was not captured (call sites are sampled for the first
 * executions of each SQL string) are attributed to the call site most view statements of
 * their shape came from.
 */
public final class QueryInViewDetector implements FindingDetector {

	private static final Set<String> CONVERSION_METHODS = Set.of("print", "parse", "convert", "setAsText", "getAsText");

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Recording recording = groups.getRecording();
		LazyLoadIndex loads = LazyLoadIndex.of(recording);
		List<AnalyzedQuery> inView = new ArrayList<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			if (query.event().phase() == Phase.VIEW && loads.loadOf(query.event().index()) == null) {
				inView.add(query);
			}
		}
		if (inView.isEmpty()) {
			return List.of();
		}
		String view = describe(recording);
		List<Finding> findings = new ArrayList<>();
		for (Map.Entry<CallSite, List<AnalyzedQuery>> entry : byCallSite(inView).entrySet()) {
			findings.add(finding(entry.getKey(), entry.getValue(), view));
		}
		return findings;
	}

	private static Map<CallSite, List<AnalyzedQuery>> byCallSite(List<AnalyzedQuery> inView) {
		Map<String, Map<CallSite, Integer>> sampled = new LinkedHashMap<>();
		for (AnalyzedQuery query : inView) {
			CallSite callSite = query.event().callSite();
			if (isFrame(callSite)) {
				sampled.computeIfAbsent(query.fingerprint(), (key) -> new LinkedHashMap<>())
					.merge(callSite, 1, Integer::sum);
			}
		}
		Map<CallSite, List<AnalyzedQuery>> byCallSite = new LinkedHashMap<>();
		for (AnalyzedQuery query : inView) {
			CallSite callSite = query.event().callSite();
			CallSite attributed = isFrame(callSite) ? callSite : mostFrequent(sampled.get(query.fingerprint()));
			byCallSite.computeIfAbsent(attributed, (key) -> new ArrayList<>()).add(query);
		}
		return byCallSite;
	}

	private static CallSite mostFrequent(Map<CallSite, Integer> counts) {
		CallSite most = null;
		int highest = 0;
		if (counts != null) {
			for (Map.Entry<CallSite, Integer> entry : counts.entrySet()) {
				if (entry.getValue() > highest) {
					most = entry.getKey();
					highest = entry.getValue();
				}
			}
		}
		return most;
	}

	// A described call site (view:orders/list) says where, not which code: it is no
	// application frame.
	private static boolean isFrame(CallSite callSite) {
		return callSite != null && callSite.methodName() != null;
	}

	private static Finding finding(CallSite callSite, List<AnalyzedQuery> queries, String view) {
		Set<String> fingerprints = new LinkedHashSet<>();
		int repeats = 0;
		List<Integer> indexes = new ArrayList<>(queries.size());
		for (AnalyzedQuery query : queries) {
			fingerprints.add(query.fingerprint());
			indexes.add(query.event().index());
			if (query.duplicateOf() != null) {
				repeats++;
			}
		}
		int count = queries.size();
		StringBuilder message = new StringBuilder();
		if (fingerprints.size() == 1) {
			message.append('`')
				.append(NPlusOneDetector.shorten(fingerprints.iterator().next()))
				.append("` ran ")
				.append((count == 1) ? "once" : count + " times");
		}
		else {
			message.append(count)
				.append(" statements (")
				.append(String.join(", ",
						fingerprints.stream()
							.map((fingerprint) -> "`" + NPlusOneDetector.shorten(fingerprint) + "`")
							.toList()))
				.append(") ran");
		}
		message.append(" while ")
			.append(view)
			.append(" rendered, from ")
			.append((callSite != null) ? "`" + callSite + "`" : "no application code (the template itself)")
			.append("; no lazy load ran them");
		if (repeats > 0) {
			message.append(", and ")
				.append(repeats)
				.append((repeats == 1) ? " of them repeats" : " of them repeat")
				.append(" a statement this request already ran with the same parameters");
		}
		message.append('.');
		Severity severity = (count > 1) ? Severity.WARNING : Severity.INFO;
		return new Finding(FindingType.QUERY_IN_VIEW, severity, message.toString(), queries.get(0).fingerprint(), count,
				(callSite != null) ? callSite.toString() : null, null, suggestion(callSite, count, view), indexes,
				false);
	}

	// A Formatter's, Converter's or PropertyEditor's method: Spring calls it per value.
	static boolean isConversion(CallSite callSite) {
		return callSite != null && CONVERSION_METHODS.contains(callSite.methodName());
	}

	private static String suggestion(CallSite callSite, int count, String view) {
		String once = "Load what " + view + " needs once, in the handler — a `@ModelAttribute` method or the "
				+ "controller puts it in the model and the template reads it from there";
		if (isConversion(callSite)) {
			String method = simpleName(callSite.className()) + "." + callSite.methodName();
			return "`" + method + "` converts values for the view (a `Formatter`, `Converter` or `PropertyEditor`): "
					+ "Spring calls it for each value it prints and, for a `th:field` select, for each `<option>` to "
					+ "compare it with the bound value, so it queried " + ((count == 1) ? "once" : count + " times")
					+ ". Look the value up in data loaded once instead of querying on each call: the options the "
					+ "model already holds (a `@ModelAttribute` list), a map built once from them, or a cached lookup "
					+ "(`@Cacheable` on the repository method).";
		}
		if (callSite == null) {
			return once + ", instead of an expression that calls a bean or repository while the page renders.";
		}
		return once + ", instead of querying from `" + simpleName(callSite.className()) + "." + callSite.methodName()
				+ "` while the page renders" + ((count > 1) ? ", " + count + " times" : "")
				+ "; or cache the lookup when the same value is asked for repeatedly.";
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	static String describe(Recording recording) {
		return (recording.getViewName() != null) ? "the view `" + recording.getViewName() + "`" : "the view";
	}

	static String firstCallSite(List<AnalyzedQuery> queries) {
		for (AnalyzedQuery query : queries) {
			if (query.event().callSite() != null) {
				return query.event().callSite().toString();
			}
		}
		return null;
	}

}
