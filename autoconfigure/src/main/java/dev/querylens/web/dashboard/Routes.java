package dev.querylens.web.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's route table: each line a method, a path template of literal segments
 * and {@code {variables}}, and what answers it. A path is matched segment by segment, as
 * the raw request URI has it: an empty segment (a doubled or trailing slash), a variable
 * that breaks its rule (dot segments, percent escapes, over-long ids) or a path longer
 * than any route can be matches nothing, so it is a plain 404 and never reaches an
 * action.
 */
final class Routes {

	/** Longer than every path a route accepts. */
	private static final int MAX_PATH_LENGTH = 512;

	private final Map<String, Predicate<String>> variables;

	private final List<Route> routes = new ArrayList<>();

	/**
	 * Creates an empty table.
	 * @param variables each variable's name and the rule its segment must meet
	 */
	Routes(Map<String, Predicate<String>> variables) {
		this.variables = variables;
	}

	/**
	 * Adds a route.
	 * @param method the HTTP method; {@code GET} routes also answer {@code HEAD}
	 * @param template the path below the dashboard's, {@code ""} for its root, e.g.
	 * {@code "api/recordings/{id}"}
	 * @param changes whether the request changes something or reaches the database, so it
	 * must carry {@link DashboardFilter#REQUEST_HEADER}
	 * @param action what answers it
	 * @return this table
	 */
	Routes add(String method, String template, boolean changes, Action action) {
		List<String> segments = template.isEmpty() ? List.of() : List.of(template.split("/"));
		for (String segment : segments) {
			if (isVariable(segment) && !this.variables.containsKey(name(segment))) {
				throw new IllegalArgumentException("No rule for " + segment + " in " + template);
			}
		}
		this.routes.add(new Route(method, segments, changes, action));
		return this;
	}

	/**
	 * Finds the route of a request.
	 * @param method the request's method
	 * @param path the raw path below the dashboard's: {@code ""}, {@code "/"} or
	 * {@code "/segment/…"}
	 * @return the route and its variables, the methods the path allows, or nothing
	 */
	Resolution resolve(String method, String path) {
		List<String> segments = segments(path);
		if (segments == null) {
			return Resolution.NOT_FOUND;
		}
		Set<String> allowed = new LinkedHashSet<>();
		for (Route route : this.routes) {
			Map<String, String> values = match(route.segments(), segments);
			if (values == null) {
				continue;
			}
			if (route.method().equals(method) || (route.method().equals("GET") && method.equals("HEAD"))) {
				return new Resolution(route, values, Set.of());
			}
			allowed.add(route.method());
		}
		return new Resolution(null, Map.of(), allowed);
	}

	/**
	 * Every route, in the order they were added.
	 * @return the routes
	 */
	List<Route> all() {
		return List.copyOf(this.routes);
	}

	private static @Nullable List<String> segments(String path) {
		if (path.isEmpty() || path.equals("/")) {
			return List.of();
		}
		if (path.length() > MAX_PATH_LENGTH || path.charAt(0) != '/') {
			return null;
		}
		List<String> segments = List.of(path.substring(1).split("/", -1));
		return segments.contains("") ? null : segments;
	}

	private @Nullable Map<String, String> match(List<String> template, List<String> segments) {
		if (template.size() != segments.size()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < template.size(); i++) {
			String expected = template.get(i);
			String actual = segments.get(i);
			if (isVariable(expected)) {
				if (!this.variables.get(name(expected)).test(actual)) {
					return null;
				}
				values.put(name(expected), actual);
			}
			else if (!expected.equals(actual)) {
				return null;
			}
		}
		return values;
	}

	private static boolean isVariable(String segment) {
		return segment.startsWith("{") && segment.endsWith("}");
	}

	private static String name(String variable) {
		return variable.substring(1, variable.length() - 1);
	}

	/**
	 * What answers a route.
	 */
	@FunctionalInterface
	interface Action {

		/**
		 * Answers the request.
		 * @param request the request
		 * @param response the response
		 * @param variables the path's variables by name, each meeting its rule
		 * @throws IOException when the response cannot be written
		 */
		void answer(HttpServletRequest request, HttpServletResponse response, Map<String, String> variables)
				throws IOException;

	}

	/**
	 * A line of the table.
	 *
	 * @param method the HTTP method
	 * @param segments the template's segments
	 * @param changes whether the request must carry the toolbar's request header
	 * @param action what answers it
	 */
	record Route(String method, List<String> segments, boolean changes, Action action) {
	}

	/**
	 * Where a request goes.
	 *
	 * @param route the route, or {@code null} when none matches both path and method
	 * @param variables the path's variables
	 * @param allowed without a route, the methods the path does have: empty for a path
	 * that matches no route at all
	 */
	record Resolution(@Nullable Route route, Map<String, String> variables, Set<String> allowed) {

		static final Resolution NOT_FOUND = new Resolution(null, Map.of(), Set.of());

	}

}
