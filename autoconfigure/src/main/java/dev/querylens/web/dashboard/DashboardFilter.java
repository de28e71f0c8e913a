package dev.querylens.web.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.explain.QueryExplainer;
import dev.querylens.explain.QueryPlans;
import dev.querylens.store.RecordingStore;
import dev.querylens.web.ToolbarAccess;

/**
 * Serves everything under the toolbar's path to allowed clients, and a 404 to everyone
 * else: the dashboard's pages, the badge's script modules and styles (cached, with an
 * ETag), the JSON the badge and the pages read, clearing the history, and the buttons
 * that ask the database: EXPLAIN, SELECT (the first rows again, read-only) and, on
 * PostgreSQL, EXPLAIN ANALYZE. Access is decided first, for every path, before any route
 * is looked up. Requests that change something or reach the database must carry the
 * {@value #REQUEST_HEADER} header, which a page of another origin cannot send without the
 * app's consent, so they cannot be forged from another site.
 */
public final class DashboardFilter extends OncePerRequestFilter {

	/**
	 * Header that the toolbar's own scripts send with every request that changes
	 * something.
	 */
	public static final String REQUEST_HEADER = "X-QueryLens-Request";

	private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

	// Recording ids are hex; the rule leaves room for other ids, not for path tricks.
	private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

	private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

	private static final Set<String> ACTIONS = Set.of("explain", "select", "analyze");

	private final ToolbarAccess access;

	private final String path;

	private final RecordingStore store;

	private final DashboardPages pages;

	private final Routes routes;

	/**
	 * Creates the filter.
	 * @param store the recordings
	 * @param access who may see QueryLens
	 * @param path the toolbar's path within the application, e.g. {@code /querylens}
	 * @param showParameters whether parameter values are shown
	 * @param explainer runs EXPLAIN
	 * @param plans the slow queries' plans, added to their findings
	 */
	public DashboardFilter(RecordingStore store, ToolbarAccess access, String path, boolean showParameters,
			QueryExplainer explainer, QueryPlans plans) {
		this.access = access;
		this.path = path;
		this.store = store;
		ClassLoader classLoader = DashboardFilter.class.getClassLoader();
		this.pages = new DashboardPages(classLoader);
		StaticResources resources = new StaticResources(classLoader);
		RequestsPage requests = new RequestsPage(store);
		EndpointsPage endpoints = new EndpointsPage(store);
		DashboardApi api = new DashboardApi(store, showParameters, explainer, plans);
		Map<String, Predicate<String>> variables = Map.of("id", ID.asMatchPredicate(), "index",
				INDEX.asMatchPredicate(), "action", ACTIONS::contains, "file", resources::contains);
		this.routes = new Routes(variables)
			.add("GET", "", false,
					(request, response, values) -> page(response, "requests", base(request),
							requests.view(request, base(request))))
			.add("GET", "endpoints", false,
					(request, response, values) -> page(response, "endpoints", base(request),
							endpoints.view(base(request))))
			.add("GET", "recordings/{id}", false,
					(request, response, values) -> detailPage(request, response, values.get("id")))
			.add("GET", "static/{file}", false,
					(request, response, values) -> resources.serve(request, response, values.get("file")))
			.add("GET", "api/recordings", false, (request, response, values) -> api.list(response))
			.add("DELETE", "api/recordings", true, (request, response, values) -> api.clear(response))
			.add("GET", "api/recordings/{id}", false,
					(request, response, values) -> api.recording(response, values.get("id")))
			.add("POST", "api/recordings/{id}/queries/{index}/{action}", true, (request, response, values) -> api
				.run(response, values.get("id"), values.get("index"), values.get("action")));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String within = request.getRequestURI().substring(request.getContextPath().length());
		return !(within.equals(this.path) || within.startsWith(this.path + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.access.isAllowed(request)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		Routes.Resolution resolution = this.routes.resolve(request.getMethod(),
				request.getRequestURI().substring(base(request).length()));
		Routes.Route route = resolution.route();
		if (route == null) {
			if (resolution.allowed().isEmpty()) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
			}
			else {
				response.setHeader("Allow", String.join(", ", resolution.allowed()));
				response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			}
			return;
		}
		if (route.changes() && request.getHeader(REQUEST_HEADER) == null) {
			JsonResponse.write(response, HttpServletResponse.SC_FORBIDDEN,
					Map.of("error", "Missing the " + REQUEST_HEADER + " header that QueryLens's own pages send."));
			return;
		}
		route.action().answer(request, response, resolution.variables());
	}

	/**
	 * The route table, for tests that try every route.
	 * @return the routes
	 */
	Routes routes() {
		return this.routes;
	}

	private String base(HttpServletRequest request) {
		return request.getContextPath() + this.path;
	}

	private void detailPage(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
		AnalyzedRecording recording = this.store.findById(id).orElse(null);
		if (recording == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		String title = (recording != null) ? recording.recording().getMethod() + " " + recording.recording().getUri()
				: null;
		page(response, "detail", base(request), new DetailView(id, recording != null, title));
	}

	private void page(HttpServletResponse response, String template, String base, Record view) throws IOException {
		byte[] html = this.pages.render(template, Navigation.of(base), view).getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", PAGE_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentLength(html.length);
		response.getOutputStream().write(html);
	}

}
