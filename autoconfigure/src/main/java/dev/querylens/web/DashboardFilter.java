package dev.querylens.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.explain.QueryExplainer;
import dev.querylens.explain.QueryPlans;
import dev.querylens.report.RecordingDescriptor;
import dev.querylens.report.RecordingSummaryDescriptor;
import dev.querylens.store.RecordingStore;

/**
 * Serves everything under the toolbar's path to allowed clients, and a 404 to everyone
 * else: the dashboard's pages, the badge's script modules and styles (cached, with an
 * ETag), the JSON the badge and the pages read, clearing the history, and the buttons
 * that ask the database: EXPLAIN, SELECT (the first rows again, read-only) and, on
 * PostgreSQL, EXPLAIN ANALYZE. Requests that change something or reach the database must
 * carry the {@value #REQUEST_HEADER} header, which a page of another origin cannot send
 * without the app's consent, so they cannot be forged from another site.
 */
public final class DashboardFilter extends OncePerRequestFilter {

	/**
	 * Header that the toolbar's own scripts send with every request that changes
	 * something.
	 */
	public static final String REQUEST_HEADER = "X-QueryLens-Request";

	private static final Log logger = LogFactory.getLog(DashboardFilter.class);

	private static final String SCRIPT = "text/javascript;charset=UTF-8";

	// The toolbar is ES modules: toolbar.js imports the others, which the browser loads
	// as they are, no build step.
	private static final Map<String, String> STATIC_FILES = Map.of("toolbar.js", SCRIPT, "sql.js", SCRIPT, "panel.js",
			SCRIPT, "badge.js", SCRIPT, "requests.js", SCRIPT, "toolbar.css", "text/css;charset=UTF-8", "dashboard.css",
			"text/css;charset=UTF-8", "dashboard.js", SCRIPT);

	/** How many rows the SELECT button shows at most. */
	static final int SELECT_ROWS = 50;

	private final Map<String, StaticFile> staticFiles = new ConcurrentHashMap<>();

	private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	private final RecordingStore store;

	private final ToolbarAccess access;

	private final String path;

	private final boolean showParameters;

	private final QueryExplainer explainer;

	private final QueryPlans plans;

	private final DashboardPages pages;

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
		this.store = store;
		this.access = access;
		this.path = path;
		this.showParameters = showParameters;
		this.explainer = explainer;
		this.plans = plans;
		this.pages = new DashboardPages(DashboardFilter.class.getClassLoader());
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
		String base = request.getContextPath() + this.path;
		String route = request.getRequestURI().substring(base.length());
		String method = request.getMethod();
		String[] parts = route.split("/", -1);
		if (route.isEmpty() || route.equals("/")) {
			if (allow(method, "GET", response)) {
				page(response, "requests", requestsPage(request, base));
			}
		}
		else if (route.equals("/endpoints")) {
			if (allow(method, "GET", response)) {
				page(response, "endpoints", endpointsPage(base));
			}
		}
		else if (parts.length == 3 && parts[1].equals("recordings")) {
			if (allow(method, "GET", response)) {
				detailPage(response, base, parts[2]);
			}
		}
		else if (parts.length == 3 && parts[1].equals("static") && STATIC_FILES.containsKey(parts[2])) {
			if (allow(method, "GET", response)) {
				staticFile(request, response, parts[2]);
			}
		}
		else if (route.equals("/api/recordings")) {
			if (method.equals("DELETE")) {
				if (hasRequestHeader(request, response)) {
					this.store.clear();
					response.setStatus(HttpServletResponse.SC_NO_CONTENT);
				}
			}
			else if (allow(method, "GET", response)) {
				List<RecordingSummaryDescriptor> summaries = this.store.findAll()
					.stream()
					.map(RecordingSummaryDescriptor::of)
					.toList();
				json(response, HttpServletResponse.SC_OK, Map.of("recordings", summaries));
			}
		}
		else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("recordings")) {
			if (allow(method, "GET", response)) {
				Optional<AnalyzedRecording> recording = this.store.findById(parts[3]);
				if (recording.isPresent()) {
					json(response, HttpServletResponse.SC_OK,
							RecordingDescriptor.of(recording.get(), this.showParameters, this.plans));
				}
				else {
					json(response, HttpServletResponse.SC_NOT_FOUND,
							Map.of("error", "This recording is no longer available."));
				}
			}
		}
		else if (parts.length == 7 && parts[1].equals("api") && parts[2].equals("recordings")
				&& parts[4].equals("queries") && List.of("explain", "select", "analyze").contains(parts[6])) {
			if (allow(method, "POST", response) && hasRequestHeader(request, response)) {
				run(response, parts[3], parts[5], parts[6]);
			}
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private Map<String, Object> requestsPage(HttpServletRequest request, String base) {
		boolean findingsOnly = request.getParameter("findings") != null;
		String uri = Optional.ofNullable(request.getParameter("uri")).orElse("").trim();
		int min = 0;
		try {
			min = Math.max(0, Integer.parseInt(Optional.ofNullable(request.getParameter("min")).orElse("0").trim()));
		}
		catch (NumberFormatException ex) {
			min = 0;
		}
		String sort = Optional.ofNullable(request.getParameter("sort")).orElse("newest");
		// One tab per kind: requests by default, tasks, and tests when a test stored any.
		Kind kind = switch (Optional.ofNullable(request.getParameter("kind")).orElse("").trim()) {
			case "task" -> Kind.TASK;
			case "test" -> Kind.TEST;
			default -> Kind.HTTP;
		};
		List<AnalyzedRecording> stored = this.store.findAll();
		List<AnalyzedRecording> all = stored.stream()
			.filter((analyzed) -> analyzed.recording().getKind() == kind)
			.toList();
		boolean hasTests = stored.stream().anyMatch((analyzed) -> analyzed.recording().getKind() == Kind.TEST);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (AnalyzedRecording analyzed : all) {
			RecordingSummaryDescriptor summary = RecordingSummaryDescriptor.of(analyzed);
			String text = (summary.uri() + " " + Optional.ofNullable(summary.query()).orElse("") + " "
					+ Optional.ofNullable(summary.pattern()).orElse(""))
				.toLowerCase(Locale.ROOT);
			if ((findingsOnly && summary.findingCount() == 0) || summary.queryCount() < min
					|| (!uri.isEmpty() && !text.contains(uri.toLowerCase(Locale.ROOT)))) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", summary.id());
			row.put("time", TIME.format(analyzed.recording().getStartedAt()));
			row.put("startedAt", summary.startedAt());
			row.put("method", summary.method());
			row.put("uri", summary.uri() + ((summary.query() != null) ? "?" + summary.query() : ""));
			row.put("pattern", summary.pattern());
			row.put("status", summary.status());
			row.put("queryCount", summary.queryCount());
			row.put("queryTimeMs", summary.queryTimeMs());
			row.put("queryTime", millis(summary.queryTimeMs()));
			row.put("durationMs", summary.durationMs());
			row.put("duration", millis(summary.durationMs()));
			row.put("findingCount", summary.findingCount());
			row.put("findingTypes", String.join(", ", findingTypes(analyzed)));
			row.put("ignoredCount", analyzed.findings().size() - summary.findingCount());
			row.put("href", base + "/recordings/" + summary.id());
			rows.add(row);
		}
		Comparator<Map<String, Object>> order = switch (sort) {
			case "queries" ->
				Comparator.comparing((Map<String, Object> row) -> (Integer) row.get("queryCount")).reversed();
			case "time" ->
				Comparator.comparing((Map<String, Object> row) -> (Double) row.get("queryTimeMs")).reversed();
			case "duration" ->
				Comparator.comparing((Map<String, Object> row) -> (Double) row.get("durationMs")).reversed();
			case "findings" ->
				Comparator.comparing((Map<String, Object> row) -> (Integer) row.get("findingCount")).reversed();
			default -> null;
		};
		if (order != null) {
			rows.sort(order);
		}
		else {
			sort = "newest";
		}
		Map<String, Object> variables = common(base, "requests");
		String kindName = kind.name().toLowerCase(Locale.ROOT);
		String kindParameter = (kind == Kind.HTTP) ? "" : "&kind=" + kindName;
		variables.put("kind", kindName);
		variables.put("kindInput", (kind == Kind.HTTP) ? "" : kindName);
		variables.put("tasksHref", base + "?kind=task");
		variables.put("testsHref", (hasTests || kind == Kind.TEST) ? base + "?kind=test" : "");
		variables.put("rows", rows);
		variables.put("total", all.size());
		variables.put("findingsOnly", findingsOnly);
		variables.put("uriFilter", uri);
		variables.put("min", (min > 0) ? String.valueOf(min) : "");
		variables.put("sort", sort);
		Map<String, String> sortLinks = new LinkedHashMap<>();
		for (String key : List.of("newest", "queries", "time", "duration", "findings")) {
			sortLinks.put(key,
					base + "?sort=" + key + kindParameter + (findingsOnly ? "&findings=on" : "")
							+ (uri.isEmpty() ? "" : "&uri=" + URLEncoder.encode(uri, StandardCharsets.UTF_8))
							+ ((min > 0) ? "&min=" + min : ""));
		}
		variables.put("sortLinks", sortLinks);
		return variables;
	}

	private Map<String, Object> endpointsPage(String base) {
		Map<String, List<AnalyzedRecording>> byEndpoint = new LinkedHashMap<>();
		for (AnalyzedRecording analyzed : this.store.findAll()) {
			String pattern = analyzed.recording().getPattern();
			String key = analyzed.recording().getMethod() + " "
					+ ((pattern != null) ? pattern : analyzed.recording().getUri());
			byEndpoint.computeIfAbsent(key, (k) -> new ArrayList<>()).add(analyzed);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		byEndpoint.forEach((endpoint, recordings) -> {
			List<Integer> counts = recordings.stream().map((r) -> r.recording().getQueryCount()).sorted().toList();
			int n = counts.size();
			double median = (n % 2 == 1) ? counts.get(n / 2) : (counts.get(n / 2 - 1) + counts.get(n / 2)) / 2.0;
			Set<String> types = new LinkedHashSet<>();
			long withFindings = 0;
			double dbTime = 0;
			for (AnalyzedRecording recording : recordings) {
				List<String> found = findingTypes(recording);
				types.addAll(found);
				withFindings += found.isEmpty() ? 0 : 1;
				dbTime += recording.recording().getQueryTimeNanos() / 1_000_000.0;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("endpoint", endpoint);
			row.put("requests", n);
			row.put("min", counts.get(0));
			row.put("median", (median == Math.rint(median)) ? String.valueOf((long) median)
					: String.format(Locale.ROOT, "%.1f", median));
			row.put("max", counts.get(n - 1));
			row.put("meanQueryTime", millis(dbTime / n));
			row.put("withFindings", withFindings);
			row.put("findingTypes", String.join(", ", types));
			row.put("href", base + "?uri="
					+ URLEncoder.encode(endpoint.substring(endpoint.indexOf(' ') + 1), StandardCharsets.UTF_8));
			rows.add(row);
		});
		rows.sort(Comparator.comparing((Map<String, Object> row) -> (Integer) row.get("max"))
			.thenComparing((row) -> (Integer) row.get("requests"))
			.reversed());
		Map<String, Object> variables = common(base, "endpoints");
		variables.put("rows", rows);
		return variables;
	}

	private void detailPage(HttpServletResponse response, String base, String id) throws IOException {
		Optional<AnalyzedRecording> recording = this.store.findById(id);
		Map<String, Object> variables = common(base, "detail");
		variables.put("id", id);
		variables.put("found", recording.isPresent());
		recording.ifPresent((analyzed) -> variables.put("title",
				analyzed.recording().getMethod() + " " + analyzed.recording().getUri()));
		if (recording.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		page(response, "detail", variables);
	}

	private Map<String, Object> common(String base, String view) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("base", base);
		variables.put("view", view);
		variables.put("requestsHref", base);
		variables.put("endpointsHref", base + "/endpoints");
		variables.put("staticHref", base + "/static/");
		return variables;
	}

	private void run(HttpServletResponse response, String id, String indexText, String action) throws IOException {
		Optional<AnalyzedRecording> recording = this.store.findById(id);
		int index;
		try {
			index = Integer.parseInt(indexText);
		}
		catch (NumberFormatException ex) {
			index = -1;
		}
		int wanted = index;
		Optional<QueryEvent> query = recording.flatMap((analyzed) -> analyzed.queries()
			.stream()
			.map((analyzedQuery) -> analyzedQuery.event())
			.filter((event) -> event.index() == wanted)
			.findFirst());
		if (query.isEmpty()) {
			json(response, HttpServletResponse.SC_NOT_FOUND,
					Map.of("error", "This recording or statement is no longer available."));
			return;
		}
		try {
			// The explainer decides, on the database's own reading of the text, what may
			// run.
			Object result = switch (action) {
				case "select" -> this.explainer.select(query.get(), SELECT_ROWS);
				case "analyze" -> this.explainer.analyze(query.get());
				default -> this.explainer.explain(query.get());
			};
			json(response, HttpServletResponse.SC_OK, result);
		}
		catch (IllegalArgumentException ex) {
			json(response, HttpServletResponse.SC_BAD_REQUEST, Map.of("error", ex.getMessage()));
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("QueryLens could not " + action + " statement " + index + " of " + id, ex);
			json(response, 422, Map.of("error", "The database could not "
					+ (action.equals("select") ? "run" : "explain") + " this statement: " + ex.getMessage()));
		}
	}

	private static List<String> findingTypes(AnalyzedRecording analyzed) {
		Set<String> types = new LinkedHashSet<>();
		for (Finding finding : analyzed.activeFindings()) {
			types.add(label(finding.type().name()));
		}
		return List.copyOf(types);
	}

	private static String label(String type) {
		return switch (type) {
			case "N_PLUS_ONE" -> "N+1";
			case "DUPLICATE_QUERY" -> "duplicates";
			default -> type.toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

	private static String millis(double millis) {
		return String.format(Locale.ROOT, (millis < 10) ? "%.1f ms" : "%.0f ms", millis);
	}

	private static boolean allow(String method, String allowed, HttpServletResponse response) throws IOException {
		if (method.equals(allowed) || (allowed.equals("GET") && method.equals("HEAD"))) {
			return true;
		}
		response.setHeader("Allow", allowed);
		response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
		return false;
	}

	private static boolean hasRequestHeader(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getHeader(REQUEST_HEADER) != null) {
			return true;
		}
		json(response, HttpServletResponse.SC_FORBIDDEN,
				Map.of("error", "Missing the " + REQUEST_HEADER + " header that QueryLens's own pages send."));
		return false;
	}

	private void page(HttpServletResponse response, String template, Map<String, Object> variables) throws IOException {
		byte[] html = this.pages.render(template, variables).getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", PAGE_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentLength(html.length);
		response.getOutputStream().write(html);
	}

	// Read once and kept: the files are part of the jar, so their ETag holds until the
	// application restarts.
	private void staticFile(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
		StaticFile file = this.staticFiles.computeIfAbsent(name, StaticFile::read);
		if (file == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		// Cached by the browser and revalidated: an unchanged file costs a 304 and no
		// body.
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("ETag", file.etag());
		response.setHeader("X-Content-Type-Options", "nosniff");
		String match = request.getHeader("If-None-Match");
		if (match != null && (match.equals(file.etag()) || match.trim().equals("*")
				|| List.of(match.split("\\s*,\\s*")).contains(file.etag()))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(STATIC_FILES.get(name));
		response.setContentLength(file.bytes().length);
		response.getOutputStream().write(file.bytes());
	}

	private record StaticFile(byte[] bytes, String etag) {

		static StaticFile read(String name) {
			try (InputStream in = DashboardFilter.class.getClassLoader()
				.getResourceAsStream("querylens/static/" + name)) {
				if (in == null) {
					return null;
				}
				byte[] bytes = in.readAllBytes();
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
				return new StaticFile(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static void json(HttpServletResponse response, int status, Object value) throws IOException {
		byte[] body = JsonWriter.write(value).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
