package dev.querylens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.QueryEvent;

/**
 * Runs EXPLAIN on the slow SELECTs of finished recordings, once per fingerprint, on its own single thread (never
 * the request's) and on the unwrapped data source (so QueryLens's own statements are never recorded), then adds
 * the plan, and the index a full table scan wants, to the {@code SLOW_QUERY} finding of every stored recording with
 * that fingerprint. Reads PostgreSQL ({@code Seq Scan … Filter}), MySQL and MariaDB ({@code type: ALL}) and H2
 * ({@code tableScan}) plans; on other databases it adds nothing.
 * <p>
 * Only a single SELECT exactly as recorded runs, with its recorded parameters; a statement whose parameters were
 * not captured is not explained. Plans are kept for at most {@code maxPlans} fingerprints.
 */
public final class SlowQueryExplainer implements RecordingListener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(SlowQueryExplainer.class);

	private static final Pattern PG_SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");

	private static final Pattern PG_FILTER = Pattern
		.compile("(?:Filter|Sort Key): \\(*(?:[\\w\"]+\\.)?\"?(\\w+)");

	private static final Pattern H2_TABLE_SCAN = Pattern.compile("(\\w+)\\.tableScan");

	private static final Pattern H2_FILTER = Pattern
		.compile("(?:WHERE|ORDER BY)\\s+\\(*(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?");

	private final RecordingStore store;

	private final Function<String, DataSource> dataSources;

	private final int maxPlans;

	private final Map<String, QueryPlan> plans = new ConcurrentHashMap<>();

	private final Set<String> started = ConcurrentHashMap.newKeySet();

	// Recordings that finished while their fingerprint's EXPLAIN ran, to get the plan when it is known.
	private final Map<String, Set<String>> waiting = new ConcurrentHashMap<>();

	private final ThreadPoolExecutor executor;

	/**
	 * Creates an explainer.
	 * @param store where the recordings whose findings get the plan are
	 * @param dataSources the unwrapped data source of each data source name a statement records, or {@code null}
	 * @param maxPlans fingerprints whose plan is kept
	 */
	public SlowQueryExplainer(RecordingStore store, Function<String, DataSource> dataSources, int maxPlans) {
		this.store = store;
		this.dataSources = dataSources;
		this.maxPlans = Math.max(1, maxPlans);
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100),
				(task) -> {
					Thread thread = new Thread(task, "querylens-explain");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.DiscardPolicy());
	}

	@Override
	public void onFinished(AnalyzedRecording analyzed) {
		boolean known = false;
		for (Finding finding : analyzed.findings()) {
			if (finding.type() != FindingType.SLOW_QUERY || finding.queryIndexes().isEmpty()) {
				continue;
			}
			if (this.plans.containsKey(finding.fingerprint())) {
				known = true;
			}
			else if (this.started.contains(finding.fingerprint())) {
				Set<String> ids = this.waiting.get(finding.fingerprint());
				if (ids != null) {
					ids.add(analyzed.recording().getId());
				}
			}
			else if (isExplainable(finding.fingerprint()) && this.started.size() < this.maxPlans
					&& this.started.add(finding.fingerprint())) {
				QueryEvent event = eventOf(analyzed, finding.queryIndexes().get(0));
				if (event != null) {
					Set<String> ids = ConcurrentHashMap.newKeySet();
					ids.add(analyzed.recording().getId());
					this.waiting.put(finding.fingerprint(), ids);
					this.executor.execute(() -> explainAndAttach(finding.fingerprint(), event));
				}
			}
		}
		if (known) {
			this.store.replace(withPlans(analyzed));
		}
	}

	private void explainAndAttach(String fingerprint, QueryEvent event) {
		try {
			QueryPlan plan = explain(event);
			if (plan != null) {
				this.plans.put(fingerprint, plan);
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("QueryLens could not EXPLAIN " + event.sql(), ex);
		}
		finally {
			// A recording that finishes from here on finds the plan itself; those that finished before are updated.
			Set<String> ids = this.waiting.remove(fingerprint);
			if (ids != null && this.plans.containsKey(fingerprint)) {
				for (String id : ids) {
					this.store.findById(id).ifPresent((analyzed) -> this.store.replace(withPlans(analyzed)));
				}
			}
		}
	}

	/**
	 * Runs EXPLAIN on a recorded statement.
	 * @param event the statement
	 * @return the plan, or {@code null} when it cannot be explained here
	 * @throws SQLException when EXPLAIN fails
	 */
	QueryPlan explain(QueryEvent event) throws SQLException {
		DataSource dataSource = (this.dataSources != null) ? this.dataSources.apply(event.dataSource()) : null;
		String sql = event.sql().strip();
		if (dataSource == null || event.parameters() == null || sql.indexOf(';') >= 0) {
			return null;
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.setReadOnly(true);
			String database = connection.getMetaData().getDatabaseProductName();
			String product = database.toLowerCase(Locale.ROOT);
			try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
				statement.setQueryTimeout(30);
				bind(statement, event.parameters());
				try (ResultSet result = statement.executeQuery()) {
					if (product.contains("postgres")) {
						return postgres(database, lines(result));
					}
					if (product.contains("mysql") || product.contains("mariadb")) {
						return mysql(database, result, sql);
					}
					if (product.contains("h2")) {
						return h2(database, lines(result));
					}
					return null;
				}
			}
		}
	}

	private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			Object value = parameters.get(i);
			if (value == null) {
				statement.setNull(i + 1, Types.VARCHAR);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

	private static List<String> lines(ResultSet result) throws SQLException {
		List<String> lines = new ArrayList<>();
		while (result.next()) {
			lines.add(result.getString(1));
		}
		return lines;
	}

	static QueryPlan postgres(String database, List<String> lines) {
		String table = null;
		String column = null;
		for (int i = 0; i < lines.size() && table == null; i++) {
			Matcher scan = PG_SEQ_SCAN.matcher(lines.get(i));
			if (scan.find()) {
				table = unquoted(scan.group(1));
				// The scan's own Filter is on the lines just below it, indented further.
				for (int k = i + 1; k < lines.size() && k <= i + 3; k++) {
					Matcher filter = PG_FILTER.matcher(lines.get(k));
					if (filter.find()) {
						column = unquoted(filter.group(1));
						break;
					}
				}
			}
		}
		return new QueryPlan(database, String.join("\n", lines), table, column);
	}

	private static QueryPlan mysql(String database, ResultSet result, String sql) throws SQLException {
		ResultSetMetaData meta = result.getMetaData();
		List<String> rows = new ArrayList<>();
		String alias = null;
		while (result.next()) {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= meta.getColumnCount(); c++) {
				String value = result.getString(c);
				if (value != null) {
					row.append((row.length() > 0) ? ", " : "").append(meta.getColumnLabel(c)).append(": ").append(value);
				}
			}
			rows.add(row.toString());
			if (alias == null && "ALL".equalsIgnoreCase(result.getString("type"))) {
				alias = result.getString("table");
			}
		}
		String table = null;
		String column = null;
		if (alias != null) {
			String lower = sql.toLowerCase(Locale.ROOT).replace("`", "");
			String name = alias.toLowerCase(Locale.ROOT);
			// MySQL names the table by its alias: find the table behind it, and its column in WHERE or ORDER BY.
			Matcher from = Pattern.compile("(?:from|join) (\\w+)(?: as)? " + Pattern.quote(name) + "\\b").matcher(lower);
			table = from.find() ? from.group(1) : name;
			Matcher predicate = Pattern.compile("(?:where|order by) .*?\\b" + Pattern.quote(name) + "\\.(\\w+)")
				.matcher(lower);
			column = predicate.find() ? predicate.group(1) : null;
		}
		return new QueryPlan(database, String.join("\n", rows), table, column);
	}

	static QueryPlan h2(String database, List<String> lines) {
		String plan = String.join("\n", lines);
		Matcher scan = H2_TABLE_SCAN.matcher(plan);
		String table = scan.find() ? scan.group(1).toLowerCase(Locale.ROOT) : null;
		String column = null;
		if (table != null) {
			Matcher filter = H2_FILTER.matcher(plan);
			column = filter.find() ? filter.group(1).toLowerCase(Locale.ROOT) : null;
		}
		return new QueryPlan(database, plan, table, column);
	}

	private static String unquoted(String name) {
		String bare = name.replace("\"", "");
		int dot = bare.lastIndexOf('.');
		return (dot >= 0) ? bare.substring(dot + 1) : bare;
	}

	private AnalyzedRecording withPlans(AnalyzedRecording analyzed) {
		List<Finding> findings = new ArrayList<>(analyzed.findings().size());
		for (Finding finding : analyzed.findings()) {
			QueryPlan plan = (finding.type() == FindingType.SLOW_QUERY) ? this.plans.get(finding.fingerprint()) : null;
			String described = (plan != null) ? plan.describe() : null;
			if (described != null && !finding.suggestion().endsWith(described)) {
				findings.add(new Finding(finding.type(), finding.severity(), finding.message(), finding.fingerprint(),
						finding.count(), finding.callSite(), finding.association(), finding.suggestion() + described,
						finding.queryIndexes(), finding.ignored()));
			}
			else {
				findings.add(finding);
			}
		}
		return new AnalyzedRecording(analyzed.recording(), analyzed.queries(), analyzed.duplicateCount(),
				analyzed.similarCount(), findings);
	}

	private static QueryEvent eventOf(AnalyzedRecording analyzed, int index) {
		for (QueryEvent event : analyzed.recording().getQueries()) {
			if (event.index() == index) {
				return event;
			}
		}
		return null;
	}

	private static boolean isExplainable(String fingerprint) {
		return fingerprint.startsWith("select ");
	}

	/**
	 * Returns the plan found for a fingerprint.
	 * @param fingerprint the fingerprint
	 * @return the plan, or {@code null} when none was found (yet)
	 */
	public QueryPlan planOf(String fingerprint) {
		return this.plans.get(fingerprint);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
