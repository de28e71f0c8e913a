package dev.querylens.web.dashboard;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;

/**
 * One request for every route of the dashboard, for the tests that check who may reach
 * them: {@link #untried} keeps this list in step with {@link DashboardFilter}'s route
 * table, so that a new route is never left out of those tests.
 */
public final class DashboardRequests {

	/**
	 * A request for every route (and for each static file), {@code {id}} standing for a
	 * recording's id, whose statement 0 is a SELECT. Clearing the history comes last.
	 */
	public static final List<Request> EVERY_ROUTE = List.of(new Request("GET", "/querylens"),
			new Request("GET", "/querylens/"), new Request("GET", "/querylens/endpoints"),
			new Request("GET", "/querylens/recordings/{id}"), new Request("GET", "/querylens/static/toolbar.js"),
			new Request("GET", "/querylens/static/sql.js"), new Request("GET", "/querylens/static/panel.js"),
			new Request("GET", "/querylens/static/badge.js"), new Request("GET", "/querylens/static/requests.js"),
			new Request("GET", "/querylens/static/dashboard.js"), new Request("GET", "/querylens/static/toolbar.css"),
			new Request("GET", "/querylens/static/dashboard.css"), new Request("GET", "/querylens/api/recordings"),
			new Request("GET", "/querylens/api/recordings/{id}"),
			new Request("POST", "/querylens/api/recordings/{id}/queries/0/explain"),
			new Request("POST", "/querylens/api/recordings/{id}/queries/0/select"),
			new Request("POST", "/querylens/api/recordings/{id}/queries/0/analyze"),
			new Request("DELETE", "/querylens/api/recordings"));

	private DashboardRequests() {
	}

	/**
	 * The routes of the dashboard's table that no request of {@link #EVERY_ROUTE}
	 * reaches.
	 * @param dashboard the application's dashboard filter
	 * @return their methods and templates, empty when every route is tried
	 */
	public static List<String> untried(Filter dashboard) {
		Routes routes = ((DashboardFilter) dashboard).routes();
		List<Routes.Route> untried = new ArrayList<>(routes.all());
		for (Request request : EVERY_ROUTE) {
			untried.remove(routes.resolve(request.method(), request.path("0123abcd").substring("/querylens".length()))
				.route());
		}
		return untried.stream().map((route) -> route.method() + " /" + String.join("/", route.segments())).toList();
	}

	/**
	 * A request.
	 *
	 * @param method its method
	 * @param template its path, with {@code {id}} for a recording's id
	 */
	public record Request(String method, String template) {

		/**
		 * The path with an id.
		 * @param id the recording's id
		 * @return the path
		 */
		public String path(String id) {
			return this.template.replace("{id}", id);
		}

		/**
		 * Whether the dashboard needs its request header for this request.
		 * @return whether it does
		 */
		public boolean changes() {
			return !this.method.equals("GET");
		}

	}

}
