package dev.querylens.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.IgnoreRule;
import dev.querylens.capture.CallSiteMode;

/**
 * Configuration properties of QueryLens.
 */
@ConfigurationProperties("querylens")
public class QueryLensProperties {

	/**
	 * Whether QueryLens records anything. When false, data sources are left unwrapped.
	 */
	private boolean enabled = true;

	/**
	 * How much QueryLens does per request. 'full': everything, on the request thread;
	 * 'lean': for test suites, staging and production metrics, no toolbar, no call sites,
	 * and the analysis (findings, store, meters) off the request thread unless
	 * 'n-plus-one.action' is 'fail'. Properties set explicitly win over what 'lean'
	 * implies.
	 */
	private Mode mode = Mode.FULL;

	private final Store store = new Store();

	private final Capture capture = new Capture();

	private final NPlusOne nPlusOne = new NPlusOne();

	private final SlowQuery slowQuery = new SlowQuery();

	private final UnboundedResult unboundedResult = new UnboundedResult();

	private final BatchableWrites batchableWrites = new BatchableWrites();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Store getStore() {
		return this.store;
	}

	public Capture getCapture() {
		return this.capture;
	}

	public NPlusOne getNPlusOne() {
		return this.nPlusOne;
	}

	/**
	 * Where finished recordings are kept.
	 */
	public static class Store {

		/**
		 * Maximum number of finished recordings kept in memory; the oldest is dropped
		 * first.
		 */
		private int maxRecordings = 100;

		/**
		 * Maximum estimated memory held by the finished recordings kept; the oldest are
		 * dropped first to stay within it. The newest recording is always kept.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(64);

		/**
		 * Maximum number of finished task recordings (scheduled methods, async methods,
		 * runners, recorded blocks) kept in memory besides the others, so that frequent
		 * tasks never push requests out of the history.
		 */
		private int maxTaskRecordings = 100;

		public int getMaxRecordings() {
			return this.maxRecordings;
		}

		public void setMaxRecordings(int maxRecordings) {
			Assert.isTrue(maxRecordings > 0, "'querylens.store.max-recordings' must be at least 1");
			this.maxRecordings = maxRecordings;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			Assert.isTrue(maxSize != null && maxSize.toBytes() > 0, "'querylens.store.max-size' must be positive");
			this.maxSize = maxSize;
		}

		public int getMaxTaskRecordings() {
			return this.maxTaskRecordings;
		}

		public void setMaxTaskRecordings(int maxTaskRecordings) {
			Assert.isTrue(maxTaskRecordings > 0, "'querylens.store.max-task-recordings' must be at least 1");
			this.maxTaskRecordings = maxTaskRecordings;
		}

	}

	/**
	 * What is captured of each statement.
	 */
	public static class Capture {

		/**
		 * Maximum number of statements kept in full per recording. Past it, statements
		 * are still counted and timed, and the recording says it is truncated.
		 */
		private int maxQueries = 1000;

		/**
		 * Whether bound parameter values are captured.
		 */
		private boolean parameters = true;

		/**
		 * Whether the transactions of each recording are captured from Spring's
		 * transaction managers: which statement ran in which, where each began, how it
		 * ended and how long it held its connection.
		 */
		private boolean transactions = true;

		/**
		 * Maximum length of a captured parameter value; longer values are cut.
		 */
		private int maxParameterLength = 200;

		/**
		 * Maximum length of the SQL text kept of each statement; longer statements keep
		 * their first characters, their full length and the fingerprint of their whole
		 * text, and cannot be explained.
		 */
		private int maxSqlLength = 10_000;

		/**
		 * How call sites are captured: 'first-app-frame' for the first executions of each
		 * statement, 'full' for every execution, 'none' to capture none.
		 */
		private CallSiteMode callSite = CallSiteMode.FIRST_APP_FRAME;

		/**
		 * Package prefixes skipped when looking for the application frame that caused a
		 * statement, besides the JDK, Spring, Hibernate, pools and drivers.
		 */
		private List<String> callSiteExcludes = new ArrayList<>();

		/**
		 * Packages of application code, besides those of the '@SpringBootApplication'
		 * class (which are always included): their classes are application frames even
		 * when an exclude, such as 'org.springframework.', matches them.
		 */
		private List<String> callSiteIncludes = new ArrayList<>();

		/**
		 * How many application frames each call site keeps as its call path, the call
		 * site itself included; 1 keeps the call site alone.
		 */
		private int callPathDepth = 8;

		public int getMaxQueries() {
			return this.maxQueries;
		}

		public void setMaxQueries(int maxQueries) {
			Assert.isTrue(maxQueries >= 0, "'querylens.capture.max-queries' must not be negative");
			this.maxQueries = maxQueries;
		}

		public boolean isParameters() {
			return this.parameters;
		}

		public void setParameters(boolean parameters) {
			this.parameters = parameters;
		}

		public int getMaxParameterLength() {
			return this.maxParameterLength;
		}

		public void setMaxParameterLength(int maxParameterLength) {
			Assert.isTrue(maxParameterLength > 0, "'querylens.capture.max-parameter-length' must be at least 1");
			this.maxParameterLength = maxParameterLength;
		}

		public int getMaxSqlLength() {
			return this.maxSqlLength;
		}

		public void setMaxSqlLength(int maxSqlLength) {
			Assert.isTrue(maxSqlLength > 0, "'querylens.capture.max-sql-length' must be at least 1");
			this.maxSqlLength = maxSqlLength;
		}

		public CallSiteMode getCallSite() {
			return this.callSite;
		}

		public void setCallSite(CallSiteMode callSite) {
			this.callSite = callSite;
		}

		public List<String> getCallSiteExcludes() {
			return this.callSiteExcludes;
		}

		public void setCallSiteExcludes(List<String> callSiteExcludes) {
			this.callSiteExcludes = callSiteExcludes;
		}

		public List<String> getCallSiteIncludes() {
			return this.callSiteIncludes;
		}

		public void setCallSiteIncludes(List<String> callSiteIncludes) {
			this.callSiteIncludes = callSiteIncludes;
		}

		public boolean isTransactions() {
			return this.transactions;
		}

		public void setTransactions(boolean transactions) {
			this.transactions = transactions;
		}

		public int getCallPathDepth() {
			return this.callPathDepth;
		}

		public void setCallPathDepth(int callPathDepth) {
			Assert.isTrue(callPathDepth > 0, "'querylens.capture.call-path-depth' must be at least 1");
			this.callPathDepth = callPathDepth;
		}

	}

	/**
	 * How N+1 patterns are detected and reported.
	 */
	public static class NPlusOne {

		/**
		 * Minimum number of similar SELECTs with different parameters from one call site
		 * that make an N+1.
		 */
		private int threshold = 3;

		/**
		 * What happens when a request has an N+1: 'log' writes one WARN line, 'none' only
		 * records it, 'fail' (tests only: refused at start-up elsewhere) answers the
		 * request with a 500 naming the N+1.
		 */
		private Action action = Action.LOG;

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			Assert.isTrue(threshold >= 2, "'querylens.n-plus-one.threshold' must be at least 2");
			this.threshold = threshold;
		}

		public Action getAction() {
			return this.action;
		}

		public void setAction(Action action) {
			this.action = action;
		}

		/**
		 * What to do with an N+1.
		 */
		public enum Action {

			/** Log one WARN line per request. */
			LOG,

			/** Record it, say nothing. */
			NONE,

			/**
			 * Answer the request with a 500 naming the N+1. Only in tests: refused at
			 * start-up otherwise.
			 */
			FAIL

		}

	}

	private final Toolbar toolbar = new Toolbar();

	public Toolbar getToolbar() {
		return this.toolbar;
	}

	/**
	 * The badge injected into HTML pages and the dashboard, served only to allowed
	 * clients.
	 */
	public static class Toolbar {

		/**
		 * Whether the badge is injected into HTML pages and the dashboard is served.
		 */
		private boolean enabled = true;

		/**
		 * Path of the dashboard, its API and its static files.
		 */
		private String path = "/querylens";

		/**
		 * Addresses or CIDR ranges of the clients that may see the toolbar, judged by the
		 * TCP peer address.
		 */
		private List<String> allowedAddresses = new ArrayList<>(List.of("127.0.0.0/8", "::1"));

		/**
		 * Whether forwarded headers are trusted: a request carrying 'Forwarded',
		 * 'X-Forwarded-*' or 'X-Real-IP' may see the toolbar, judged by the address and
		 * host the application takes from them. When false, such a request counts as
		 * remote whatever its peer address, and the toolbar is off altogether in an
		 * application that honours forwarded headers (server.forward-headers-strategy, or
		 * a detected cloud platform). Safe only behind a proxy that overwrites those
		 * headers, never one that appends to them.
		 */
		private boolean trustForwardedHeaders = false;

		/**
		 * Which responses get the 'X-QueryLens-Id' and 'Server-Timing' headers: only
		 * those to clients the toolbar allows, or all.
		 */
		private Headers headers = Headers.ALLOWED;

		/**
		 * Host names a request may be addressed to (its Host header) to see the toolbar,
		 * besides literal IP addresses; '*.example.test' allows the subdomains of
		 * example.test. Guards against DNS rebinding.
		 */
		private List<String> allowedHosts = new ArrayList<>(List.of("localhost", "*.localhost"));

		/**
		 * Whether the badge goes into HTML pages in contexts built by Spring's test
		 * framework (@SpringBootTest, @WebMvcTest, ...). Off by default, so that a test
		 * sees the page exactly as the application renders it; recording, assertions,
		 * headers and the dashboard stay on.
		 */
		private boolean badgeInTests = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			Assert.isTrue(path != null && path.startsWith("/") && path.length() > 1 && !path.endsWith("/"),
					"'querylens.toolbar.path' must start with '/', not end with '/', and not be '/'");
			this.path = path;
		}

		public List<String> getAllowedAddresses() {
			return this.allowedAddresses;
		}

		public void setAllowedAddresses(List<String> allowedAddresses) {
			this.allowedAddresses = allowedAddresses;
		}

		public boolean isTrustForwardedHeaders() {
			return this.trustForwardedHeaders;
		}

		public void setTrustForwardedHeaders(boolean trustForwardedHeaders) {
			this.trustForwardedHeaders = trustForwardedHeaders;
		}

		public Headers getHeaders() {
			return this.headers;
		}

		public void setHeaders(Headers headers) {
			this.headers = headers;
		}

		public List<String> getAllowedHosts() {
			return this.allowedHosts;
		}

		public void setAllowedHosts(List<String> allowedHosts) {
			this.allowedHosts = allowedHosts;
		}

		public boolean isBadgeInTests() {
			return this.badgeInTests;
		}

		public void setBadgeInTests(boolean badgeInTests) {
			this.badgeInTests = badgeInTests;
		}

		/**
		 * Which responses get QueryLens's response headers.
		 */
		public enum Headers {

			/**
			 * Only responses to clients the toolbar allows.
			 */
			ALLOWED,

			/**
			 * Every response, whoever the client.
			 */
			ALWAYS

		}

	}

	private final Record record = new Record();

	public Record getRecord() {
		return this.record;
	}

	/**
	 * Which HTTP requests are recorded.
	 */
	public static class Record {

		/**
		 * Path patterns (as Spring MVC's: '/static/**', '/**' + '/*.css', '/favicon.ico')
		 * of requests that are not recorded at all, matched against the path within the
		 * application (servlet path included). Requests that ran no statement and were
		 * served by a static resource handler or ended 404 are never kept anyway.
		 */
		private List<String> excludePatterns = new ArrayList<>();

		private final Tasks tasks = new Tasks();

		public List<String> getExcludePatterns() {
			return this.excludePatterns;
		}

		public void setExcludePatterns(List<String> excludePatterns) {
			this.excludePatterns = excludePatterns;
		}

		public Tasks getTasks() {
			return this.tasks;
		}

	}

	/**
	 * Which work outside HTTP requests is recorded, as recordings of kind 'task'.
	 */
	public static class Tasks {

		/**
		 * Whether each run of a '@Scheduled' method is recorded as a task named after the
		 * method.
		 */
		private boolean scheduled = true;

		/**
		 * Whether an '@Async' method called outside a recording is recorded as a task
		 * named after the method (called within a request, its statements always count
		 * for that request).
		 */
		private boolean async = true;

		/**
		 * Whether the ApplicationRunner and CommandLineRunner beans are recorded at
		 * start-up, as one task.
		 */
		private boolean runners = true;

		/**
		 * Whether each message (or batch) a '@JmsListener', '@RabbitListener' or
		 * '@KafkaListener' method handles is recorded as a task named after the method
		 * and the destination (within a recording, its statements count for that
		 * recording).
		 */
		private boolean listeners = true;

		/**
		 * Whether each Spring Batch step execution is recorded as one task named after
		 * the job and the step.
		 */
		private boolean batch = true;

		public boolean isScheduled() {
			return this.scheduled;
		}

		public void setScheduled(boolean scheduled) {
			this.scheduled = scheduled;
		}

		public boolean isAsync() {
			return this.async;
		}

		public void setAsync(boolean async) {
			this.async = async;
		}

		public boolean isRunners() {
			return this.runners;
		}

		public void setRunners(boolean runners) {
			this.runners = runners;
		}

		public boolean isListeners() {
			return this.listeners;
		}

		public void setListeners(boolean listeners) {
			this.listeners = listeners;
		}

		public boolean isBatch() {
			return this.batch;
		}

		public void setBatch(boolean batch) {
			this.batch = batch;
		}

	}

	private final Metrics metrics = new Metrics();

	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Micrometer meters of recordings.
	 */
	public static class Metrics {

		/**
		 * Whether finished requests are recorded as 'querylens.*' meters and as key
		 * values of the request's observation, when Micrometer is in use.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public SlowQuery getSlowQuery() {
		return this.slowQuery;
	}

	public UnboundedResult getUnboundedResult() {
		return this.unboundedResult;
	}

	public BatchableWrites getBatchableWrites() {
		return this.batchableWrites;
	}

	/**
	 * When a statement is reported as slow.
	 */
	public static class SlowQuery {

		/**
		 * Execution time past which a statement is reported as SLOW_QUERY.
		 */
		private Duration threshold = Duration.ofMillis(500);

		/**
		 * Whether slow SELECTs are explained: QueryLens runs EXPLAIN once per statement
		 * shape, on its own thread and unrecorded, and adds the plan and any missing
		 * index to the finding.
		 */
		private boolean explain = true;

		public Duration getThreshold() {
			return this.threshold;
		}

		public boolean isExplain() {
			return this.explain;
		}

		public void setExplain(boolean explain) {
			this.explain = explain;
		}

		public void setThreshold(Duration threshold) {
			Assert.isTrue(threshold != null && !threshold.isNegative() && !threshold.isZero(),
					"'querylens.slow-query.threshold' must be positive");
			this.threshold = threshold;
		}

	}

	/**
	 * When a SELECT without a limit is reported.
	 */
	public static class UnboundedResult {

		/**
		 * Rows read past which a SELECT with no LIMIT, OFFSET or FETCH FIRST is reported
		 * as UNBOUNDED_RESULT.
		 */
		private long rows = 1000;

		public long getRows() {
			return this.rows;
		}

		public void setRows(long rows) {
			Assert.isTrue(rows >= 1, "'querylens.unbounded-result.rows' must be at least 1");
			this.rows = rows;
		}

	}

	private final ConnectionChurn connectionChurn = new ConnectionChurn();

	public ConnectionChurn getConnectionChurn() {
		return this.connectionChurn;
	}

	/**
	 * When connections checked out one after another outside a transaction are reported.
	 */
	public static class ConnectionChurn {

		/**
		 * Minimum number of connections one recording took from the pool whose every
		 * statement ran in auto-commit mode (outside any transaction), reported as
		 * CONNECTION_CHURN.
		 */
		private int threshold = 5;

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			Assert.isTrue(threshold >= 2, "'querylens.connection-churn.threshold' must be at least 2");
			this.threshold = threshold;
		}

	}

	private final ConnectionHeld connectionHeld = new ConnectionHeld();

	public ConnectionHeld getConnectionHeld() {
		return this.connectionHeld;
	}

	/**
	 * When a transaction that held its connection while doing something else is reported.
	 */
	public static class ConnectionHeld {

		/**
		 * Longest single wait of a transaction's connection between its statements (or
		 * before the first, or after the last) from which it is reported as
		 * CONNECTION_HELD; its whole idle time must reach it too.
		 */
		private Duration threshold = Duration.ofMillis(500);

		/**
		 * Share of the time the connection was held, in percent, that must be idle too,
		 * so that a long transaction busy with its statements is not reported.
		 */
		private int idlePercent = 50;

		public Duration getThreshold() {
			return this.threshold;
		}

		public void setThreshold(Duration threshold) {
			Assert.isTrue(threshold != null && !threshold.isNegative(),
					"'querylens.connection-held.threshold' must not be negative");
			this.threshold = threshold;
		}

		public int getIdlePercent() {
			return this.idlePercent;
		}

		public void setIdlePercent(int idlePercent) {
			Assert.isTrue(idlePercent >= 0 && idlePercent <= 100,
					"'querylens.connection-held.idle-percent' must be between 0 and 100");
			this.idlePercent = idlePercent;
		}

	}

	private final ManyTransactions manyTransactions = new ManyTransactions();

	public ManyTransactions getManyTransactions() {
		return this.manyTransactions;
	}

	/**
	 * When work split into many transactions is reported.
	 */
	public static class ManyTransactions {

		/**
		 * Minimum number of transactions one recording began one after another (none
		 * inside another), reported as MANY_TRANSACTIONS.
		 */
		private int threshold = 5;

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			Assert.isTrue(threshold >= 2, "'querylens.many-transactions.threshold' must be at least 2");
			this.threshold = threshold;
		}

	}

	/**
	 * When single-row writes are reported as a batch candidate.
	 */
	public static class BatchableWrites {

		/**
		 * Minimum number of single-row INSERTs, UPDATEs or DELETEs of one shape, sent one
		 * by one in one run of writes, reported as BATCHABLE_WRITES.
		 */
		private int threshold = 5;

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			Assert.isTrue(threshold >= 2, "'querylens.batchable-writes.threshold' must be at least 2");
			this.threshold = threshold;
		}

	}

	private final WideRows wideRows = new WideRows();

	public WideRows getWideRows() {
		return this.wideRows;
	}

	/**
	 * When a SELECT that reads large values for many rows is reported.
	 */
	public static class WideRows {

		/**
		 * Average characters of text plus bytes of binary values read per row from which
		 * a SELECT of enough rows is reported as WIDE_ROWS.
		 */
		private long bytesPerRow = 4096;

		/**
		 * Minimum number of rows a SELECT must read to be reported as WIDE_ROWS, so that
		 * one large row (a detail page reading its document) is not.
		 */
		private long minRows = 20;

		public long getBytesPerRow() {
			return this.bytesPerRow;
		}

		public void setBytesPerRow(long bytesPerRow) {
			Assert.isTrue(bytesPerRow >= 1, "'querylens.wide-rows.bytes-per-row' must be at least 1");
			this.bytesPerRow = bytesPerRow;
		}

		public long getMinRows() {
			return this.minRows;
		}

		public void setMinRows(long minRows) {
			Assert.isTrue(minRows >= 2, "'querylens.wide-rows.min-rows' must be at least 2");
			this.minRows = minRows;
		}

	}

	/**
	 * Rules that silence findings, each matching a finding type and/or patterns of its
	 * fingerprint, call site or association ('*' for any run of characters). An ignored
	 * finding is still shown, greyed out, but is not counted, logged, measured or failed
	 * on.
	 */
	private List<Ignore> ignore = new ArrayList<>();

	public List<Ignore> getIgnore() {
		return this.ignore;
	}

	public void setIgnore(List<Ignore> ignore) {
		for (int i = 0; i < ignore.size(); i++) {
			Ignore rule = ignore.get(i);
			int index = i;
			Assert.isTrue(rule != null && !rule.isEmpty(),
					() -> "'querylens.ignore[" + index
							+ "]' must have a 'type', 'fingerprint', 'call-site' or 'association'; an empty rule would "
							+ "silence every finding");
		}
		this.ignore = ignore;
	}

	/**
	 * A rule that silences the findings it matches. Every part that is given must match.
	 */
	public static class Ignore {

		/**
		 * Finding type silenced, such as 'n-plus-one'. Any type when not set.
		 */
		private FindingType type;

		/**
		 * Pattern of the statement fingerprint, matched ignoring case and whitespace,
		 * such as 'select * from audit_event*'.
		 */
		private String fingerprint;

		/**
		 * Pattern of the call site, matched against 'com.example.Job.run(Job.java:12)'
		 * and 'com.example.Job.run', such as 'com.example.batch.*'.
		 */
		private String callSite;

		/**
		 * Pattern of the JPA association, such as 'Order.customer' or 'Order.*'.
		 */
		private String association;

		public FindingType getType() {
			return this.type;
		}

		public void setType(FindingType type) {
			this.type = type;
		}

		public String getFingerprint() {
			return this.fingerprint;
		}

		public void setFingerprint(String fingerprint) {
			this.fingerprint = fingerprint;
		}

		public String getCallSite() {
			return this.callSite;
		}

		public void setCallSite(String callSite) {
			this.callSite = callSite;
		}

		public String getAssociation() {
			return this.association;
		}

		public void setAssociation(String association) {
			this.association = association;
		}

		boolean isEmpty() {
			return this.type == null && !StringUtils.hasText(this.fingerprint) && !StringUtils.hasText(this.callSite)
					&& !StringUtils.hasText(this.association);
		}

		IgnoreRule toRule() {
			return new IgnoreRule(this.type, this.fingerprint, this.callSite, this.association);
		}

	}

	/**
	 * How much QueryLens does per request.
	 */
	public enum Mode {

		/** The toolbar, call sites and the analysis on the request thread. */
		FULL,

		/** No toolbar and no call sites; the analysis off the request thread. */
		LEAN

	}

}
