package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.Phase;
import dev.querylens.capture.Recording;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

/**
 * Finds lazy loads that ran while the view rendered ({@link Phase#VIEW}): the statements
 * Hibernate reported as initialising a lazy association ({@link EntityLoads#lazyLoads()})
 * after the handler returned. Other statements of the view are
 * {@link QueryInViewDetector}'s. The wording follows the application's
 * {@code spring.jpa.open-in-view}: with it on (the default) the session stays open for
 * the template; with it off a lazy load there means the view opened a session of its own.
 */
public final class LazyLoadInViewDetector implements FindingDetector {

	private final OpenInView openInView;

	/**
	 * Creates a detector for an application that leaves {@code spring.jpa.open-in-view}
	 * at its default.
	 */
	public LazyLoadInViewDetector() {
		this(OpenInView.ON_BY_DEFAULT);
	}

	/**
	 * Creates a detector.
	 * @param openInView the application's {@code spring.jpa.open-in-view}
	 */
	public LazyLoadInViewDetector(OpenInView openInView) {
		this.openInView = (openInView != null) ? openInView : OpenInView.ON_BY_DEFAULT;
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Recording recording = groups.getRecording();
		LazyLoadIndex loads = LazyLoadIndex.of(recording);
		if (loads.isEmpty()) {
			return List.of();
		}
		List<AnalyzedQuery> lazy = new ArrayList<>();
		Map<String, LazyLoad> roles = new LinkedHashMap<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			if (query.event().phase() != Phase.VIEW) {
				continue;
			}
			LazyLoad load = loads.loadOf(query.event().index());
			if (load != null) {
				lazy.add(query);
				roles.putIfAbsent(load.role(), load);
			}
		}
		if (lazy.isEmpty()) {
			return List.of();
		}
		String view = QueryInViewDetector.describe(recording);
		List<Integer> indexes = lazy.stream().map((query) -> query.event().index()).toList();
		StringBuilder message = new StringBuilder().append(lazy.size())
			.append((lazy.size() == 1) ? " lazy load of " : " lazy loads of ")
			.append(String.join(", ", roles.keySet().stream().map((role) -> "`" + role + "`").toList()))
			.append(" ran while ")
			.append(view)
			.append(" rendered, after the handler returned");
		message.append(switch (this.openInView) {
			case ON ->
				": open session in view (`spring.jpa.open-in-view=true`) kept the session open for the template.";
			case ON_BY_DEFAULT -> ": open session in view (`spring.jpa.open-in-view` is not set and defaults to true) "
					+ "kept the session open for the template.";
			case OFF -> ", although `spring.jpa.open-in-view` is false: the view opened a session of its own "
					+ "(a `@Transactional` or repository call made from the template, a formatter or an interceptor) "
					+ "and what it read loaded lazily within it.";
		});
		String association = (roles.size() == 1) ? roles.keySet().iterator().next() : null;
		return List.of(new Finding(FindingType.LAZY_LOAD_IN_VIEW, Severity.WARNING, message.toString(),
				lazy.get(0).fingerprint(), lazy.size(), QueryInViewDetector.firstCallSite(lazy), association,
				suggestion(roles, view), indexes, false));
	}

	private String suggestion(Map<String, LazyLoad> roles, String view) {
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
		String load = "Load in the handler what " + view + " reads — " + fetch + " — ";
		return switch (this.openInView) {
			case ON -> load + "then set `spring.jpa.open-in-view=false`, so that a lazy load left in a template fails "
					+ "with LazyInitializationException during development instead of querying while the page "
					+ "renders, holding a connection until it is sent.";
			case ON_BY_DEFAULT -> load + "then set `spring.jpa.open-in-view=false` (it is not set, and Spring Boot's "
					+ "default is true), so that a lazy load left in a template fails with LazyInitializationException "
					+ "during development instead of querying while the page renders, holding a connection until it "
					+ "is sent.";
			case OFF -> load + "and put it in the model. Open-in-view is already off, so also move out of the view "
					+ "whatever opened the session there: call the service or repository in the controller (a "
					+ "`@ModelAttribute` method) instead of from the template or a formatter.";
		};
	}

}
