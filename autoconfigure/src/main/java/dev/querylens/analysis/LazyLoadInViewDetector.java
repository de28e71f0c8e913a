package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.LazyLoad;
import dev.querylens.capture.Phase;
import dev.querylens.capture.Recording;

/**
 * Finds statements that ran while the view rendered ({@link Phase#VIEW}): with Spring's open session in view
 * ({@code spring.jpa.open-in-view}, on by default), lazy associations a template reads load there, one query at
 * a time, after the handler's transaction ended. Names the associations when Hibernate reported the loads;
 * otherwise says only that statements ran in the view, since what ran them is not known.
 */
public final class LazyLoadInViewDetector implements FindingDetector {

	@Override
	public List<Finding> detect(QueryGroups groups) {
		List<AnalyzedQuery> inView = new ArrayList<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			if (query.event().phase() == Phase.VIEW) {
				inView.add(query);
			}
		}
		if (inView.isEmpty()) {
			return List.of();
		}
		Recording recording = groups.getRecording();
		LazyLoadIndex loads = LazyLoadIndex.of(recording);
		Map<String, LazyLoad> roles = new LinkedHashMap<>();
		int lazy = 0;
		for (AnalyzedQuery query : inView) {
			LazyLoad load = loads.loadOf(query.event().index());
			if (load != null) {
				roles.putIfAbsent(load.role(), load);
				lazy++;
			}
		}
		String view = (recording.getViewName() != null) ? "the view `" + recording.getViewName() + "`" : "the view";
		List<Integer> indexes = inView.stream().map((query) -> query.event().index()).toList();
		StringBuilder message = new StringBuilder().append(inView.size())
			.append((inView.size() == 1) ? " statement" : " statements")
			.append(" ran while ")
			.append(view)
			.append(" rendered");
		if (!roles.isEmpty()) {
			message.append(": ").append(lazy).append((lazy == 1) ? " lazy load of " : " lazy loads of ")
				.append(String.join(", ", roles.keySet().stream().map((role) -> "`" + role + "`").toList()));
		}
		message.append(", after the handler returned (open session in view).");
		String association = (roles.size() == 1) ? roles.keySet().iterator().next() : null;
		return List.of(new Finding(FindingType.LAZY_LOAD_IN_VIEW, Severity.WARNING, message.toString(),
				inView.get(0).fingerprint(), inView.size(), callSite(inView), association,
				suggestion(roles, view), indexes, false));
	}

	private static String callSite(List<AnalyzedQuery> inView) {
		for (AnalyzedQuery query : inView) {
			if (query.event().callSite() != null) {
				return query.event().callSite().toString();
			}
		}
		return null;
	}

	private static String suggestion(Map<String, LazyLoad> roles, String view) {
		StringBuilder fetch = new StringBuilder();
		if (roles.size() == 1) {
			LazyLoad load = roles.values().iterator().next();
			fetch.append("`@EntityGraph(attributePaths = \"").append(load.path()).append("\")`");
			fetch.append((load.loader() != null) ? " on `" + load.loader() + "`" : " on the repository method");
			fetch.append(", `join fetch`, or a DTO projection");
		}
		else {
			fetch.append("`@EntityGraph`/`join fetch` on the query that loads the entities, or a DTO projection");
		}
		return "Load in the handler what " + view + " reads — " + fetch + " — and set `spring.jpa.open-in-view=false`, "
				+ "so that a lazy load left in a template fails with LazyInitializationException during development "
				+ "instead of querying while the page renders, holding a connection until it is sent.";
	}

}
