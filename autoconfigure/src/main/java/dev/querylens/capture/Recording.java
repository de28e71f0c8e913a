package dev.querylens.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The queries of one unit of work (an HTTP request, a block in a test, a task). Built
 * while the work runs, from any thread it hands work to, and frozen by {@link #finish}.
 * <p>
 * At most {@code maxQueries} queries are kept in full; past that the recording still
 * counts every query and its time exactly, per SQL string (for at most {@code maxQueries}
 * strings, the rest in one {@link SqlTally#OTHER} tally), and says it is
 * {@link #isTruncated() truncated}. So its memory is bounded by {@code maxQueries},
 * however many statements the work runs.
 */
public final class Recording {

	/**
	 * Call sites are captured for this many executions of each SQL string, enough to show
	 * every pattern.
	 */
	static final int CALL_SITE_SAMPLES = 10;

	private final String id;

	private final Kind kind;

	private final String method;

	private final String uri;

	private final String query;

	private final Instant startedAt;

	private final long startNanos;

	private final int maxQueries;

	private final SqlTextLimit sqlTextLimit;

	private final LongSupplier nanoTime;

	private volatile Phase phase = Phase.HANDLER;

	private volatile String viewName;

	private volatile boolean finished;

	private volatile Set<String> ignoredFindingTypes = Set.of();

	private final Object lock = new Object();

	// Guarded by lock.
	private List<QueryEvent> queries = new ArrayList<>();

	private int queryCount;

	private long queryTimeNanos;

	private int connectionCount;

	private long connectionAcquireNanos;

	private int connectionFailureCount;

	private List<ConnectionFailure> connectionFailures = new ArrayList<>();

	private Map<String, SqlTally> overflow = Collections.emptyMap();

	// Keyed by the SQL as kept, so that a finished recording holds no statement whole;
	// emptied by finish.
	private Map<String, Integer> callSiteSamples = new HashMap<>();

	private List<LazyLoad> lazyLoads = new ArrayList<>();

	// The connection each statement ran on, numbered 1, 2, … in order of first use within
	// this recording.
	private final Map<ConnectionKey, Integer> connectionNumbers = new HashMap<>();

	// Statements whose rows the ORM made entities of, with the repository method that ran
	// them ("" when none).
	private Map<Integer, String> entityStatements = new HashMap<>();

	private final TransactionLog transactions;

	private String pattern;

	private int status;

	private long durationNanos;

	private Recording(Kind kind, String method, String uri, String query, int maxQueries, SqlTextLimit sqlTextLimit,
			Clock clock, LongSupplier nanoTime) {
		this.id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL | 0x1_0000_0000_0000L)
			.substring(1);
		this.kind = kind;
		this.method = method;
		this.uri = uri;
		this.query = query;
		this.maxQueries = Math.max(0, maxQueries);
		this.sqlTextLimit = sqlTextLimit;
		this.nanoTime = nanoTime;
		this.startedAt = clock.instant();
		this.startNanos = nanoTime.getAsLong();
		this.transactions = new TransactionLog(this.startNanos, nanoTime, this.maxQueries);
	}

	/**
	 * Starts a recording.
	 * @param kind what it covers
	 * @param method the HTTP method, or for other kinds a short label, may be
	 * {@code null}
	 * @param uri the request path without its query string, or for other kinds a name
	 * @param query the query string, or {@code null}
	 * @param maxQueries how many queries to keep in full
	 * @return the running recording
	 */
	public static Recording start(Kind kind, String method, String uri, String query, int maxQueries) {
		return start(kind, method, uri, query, maxQueries, SqlTextLimit.none());
	}

	/**
	 * Starts a recording that keeps statements only up to a length.
	 * @param kind what it covers
	 * @param method the HTTP method, or for other kinds a short label, may be
	 * {@code null}
	 * @param uri the request path without its query string, or for other kinds a name
	 * @param query the query string, or {@code null}
	 * @param maxQueries how many queries to keep in full
	 * @param sqlTextLimit how much of each statement's text to keep
	 * @return the running recording
	 */
	public static Recording start(Kind kind, String method, String uri, String query, int maxQueries,
			SqlTextLimit sqlTextLimit) {
		return new Recording(kind, method, uri, query, maxQueries, sqlTextLimit, Clock.systemUTC(), System::nanoTime);
	}

	/**
	 * Starts a recording with the given time sources, so tests need not sleep.
	 * @param kind what it covers
	 * @param method the HTTP method or a label, may be {@code null}
	 * @param uri the path or a name
	 * @param query the query string, or {@code null}
	 * @param maxQueries how many queries to keep in full
	 * @param clock source of the start instant
	 * @param nanoTime source of monotonic nanoseconds, the same one the statement timings
	 * use
	 * @return the running recording
	 */
	public static Recording start(Kind kind, String method, String uri, String query, int maxQueries, Clock clock,
			LongSupplier nanoTime) {
		return new Recording(kind, method, uri, query, maxQueries, SqlTextLimit.none(), clock, nanoTime);
	}

	/**
	 * Adds an executed statement. Ignored once the recording is finished. SQL longer than
	 * the recording's {@link SqlTextLimit} is cut here, its fingerprint taken first.
	 * @param sql the SQL as the driver received it
	 * @param parameters the bound values, made safe to show
	 * @param batchSize 1, or the number of statements in a batch
	 * @param rows rows read so far or update count
	 * @param startNanos when execution started, from the same source as the recording's
	 * @param durationNanos how long it took
	 * @param connectionId the connection's number within its data source; the event keeps
	 * the connection's number within this recording instead, so that the first connection
	 * used is 1
	 * @param dataSource the data source's name
	 * @param callSite where it came from, or {@code null}
	 * @param error the failure, or {@code null}
	 * @return the query's index when it was kept in full, or -1
	 */
	public int record(String sql, List<Object> parameters, int batchSize, long rows, long startNanos,
			long durationNanos, int connectionId, String dataSource, CallSite callSite, String error) {
		return record(sql, parameters, batchSize, rows, startNanos, durationNanos, connectionId, dataSource, callSite,
				error, false);
	}

	/**
	 * Records one execution, noting whether its connection was in auto-commit mode (so
	 * that it committed alone) under the same lock as the execution itself.
	 * @param sql the SQL text as sent to the driver
	 * @param parameters the bound values, made safe to show
	 * @param batchSize 1, or the number of statements in a batch
	 * @param rows rows read so far or update count
	 * @param startNanos when execution started, from the same source as the recording's
	 * @param durationNanos how long it took
	 * @param connectionId the connection's number within its data source
	 * @param dataSource the data source's name
	 * @param callSite where it came from, or {@code null}
	 * @param error the failure, or {@code null}
	 * @param autoCommit whether the connection was in auto-commit mode
	 * @return the query's index when it was kept in full, or -1
	 */
	public int record(String sql, List<Object> parameters, int batchSize, long rows, long startNanos,
			long durationNanos, int connectionId, String dataSource, CallSite callSite, String error,
			boolean autoCommit) {
		if (this.finished) {
			return -1;
		}
		Phase currentPhase = this.phase;
		if (callSite == null && currentPhase == Phase.VIEW && this.viewName != null) {
			callSite = CallSite.described("view:" + this.viewName);
		}
		TransactionLog.Open transaction = this.transactions.current();
		// A statement run while its transaction commits is the ORM's flush: it belongs to
		// the transactional method,
		// whatever frames are on the stack.
		boolean flushed = transaction != null && transaction.committing;
		if (flushed) {
			CallSite atCommit = transaction.commitCallSite();
			callSite = (atCommit != null) ? atCommit : callSite;
		}
		if (sql != null && this.sqlTextLimit.cuts(sql)) {
			return recordCut(sql, parameters, batchSize, rows, startNanos, durationNanos, connectionId, dataSource,
					callSite, error, currentPhase, transaction, flushed, autoCommit);
		}
		synchronized (this.lock) {
			if (this.finished) {
				return -1;
			}
			int index = this.queryCount++;
			this.queryTimeNanos += durationNanos;
			if (index < this.maxQueries) {
				int connection = this.connectionNumbers.computeIfAbsent(new ConnectionKey(dataSource, connectionId),
						(key) -> this.connectionNumbers.size() + 1);
				this.queries.add(new QueryEvent(index, sql, parameters, batchSize, rows, durationNanos,
						startNanos - this.startNanos, connection, dataSource, currentPhase,
						Thread.currentThread().getName(), callSite, error));
				this.transactions.noteQuery(index, transaction, flushed, autoCommit);
				return index;
			}
			tally(sql, durationNanos);
			return -1;
		}
	}

	// The rare long statement: the fingerprint and hash of the whole text are taken
	// outside the lock.
	private int recordCut(String sql, List<Object> parameters, int batchSize, long rows, long startNanos,
			long durationNanos, int connectionId, String dataSource, CallSite callSite, String error,
			Phase currentPhase, TransactionLog.Open transaction, boolean flushed, boolean autoCommit) {
		String kept = this.sqlTextLimit.kept(sql);
		boolean keepable;
		synchronized (this.lock) {
			keepable = this.queryCount < this.maxQueries;
		}
		String fingerprint = keepable ? this.sqlTextLimit.fingerprintOf(sql) : null;
		synchronized (this.lock) {
			if (this.finished) {
				return -1;
			}
			int index = this.queryCount++;
			this.queryTimeNanos += durationNanos;
			if (index >= this.maxQueries) {
				tally(kept, durationNanos);
				return -1;
			}
			// The count only grows, so a statement found past the limit before the lock
			// is past it now.
			this.queries.add(new QueryEvent(index, kept, sql.length(), fingerprint, sql.hashCode(), parameters,
					batchSize, rows, durationNanos, startNanos - this.startNanos, connectionId, dataSource,
					currentPhase, Thread.currentThread().getName(), callSite, error));
			this.transactions.noteQuery(index, transaction, flushed, autoCommit);
			return index;
		}
	}

	// Past the limit a statement is only counted and timed, per SQL as kept. Called under
	// the lock.
	private void tally(String sql, long durationNanos) {
		if (this.overflow.isEmpty()) {
			this.overflow = new LinkedHashMap<>();
		}
		// At most as many SQL strings as queries kept, so a long task with statements
		// built from literals stays
		// within a fixed budget; the rest share one tally and the count stays exact.
		String key = (this.overflow.containsKey(sql) || this.overflow.size() < Math.max(this.maxQueries, 1)) ? sql
				: SqlTally.OTHER;
		this.overflow.merge(key, new SqlTally(key, 1, durationNanos),
				(a, b) -> new SqlTally(key, a.count() + 1, a.durationNanos() + b.durationNanos()));
	}

	/**
	 * Adds a connection taken from a data source while the recording ran. Ignored once
	 * finished.
	 * @param acquireNanos how long {@code getConnection()} took: the wait for the pool,
	 * or the whole connect
	 */
	public void recordConnection(long acquireNanos) {
		synchronized (this.lock) {
			if (!this.finished) {
				this.connectionCount++;
				this.connectionAcquireNanos += acquireNanos;
			}
		}
		this.transactions.connectionAcquired();
	}

	/**
	 * Returns the transactions the recording's work began, and which of its queries ran
	 * in which.
	 * @return the transaction log, frozen once the recording is finished
	 */
	public TransactionLog getTransactions() {
		return this.transactions;
	}

	/**
	 * Adds a connection a data source failed to hand out while the recording ran, such as
	 * a pool that timed out. Counted always; kept for at most as many failures as
	 * statements are kept. Ignored once finished.
	 * @param dataSource the data source's name
	 * @param startNanos when {@code getConnection()} was called, from the same source as
	 * the recording's
	 * @param durationNanos how long it took to fail
	 * @param callSite where in application code it was asked for, or {@code null}
	 * @param error the exception's class and message
	 */
	public void recordConnectionFailure(String dataSource, long startNanos, long durationNanos, CallSite callSite,
			String error) {
		String thread = Thread.currentThread().getName();
		synchronized (this.lock) {
			if (this.finished) {
				return;
			}
			this.connectionFailureCount++;
			if (this.connectionFailures.size() < Math.max(this.maxQueries, 1)) {
				this.connectionFailures.add(new ConnectionFailure(dataSource, startNanos - this.startNanos,
						durationNanos, thread, callSite, error));
			}
		}
	}

	/**
	 * Adds what a query read after it was recorded: rows from its result set with the
	 * size of their values, or an update count the application read later. Ignored once
	 * the recording is finished, or for a query past the limit.
	 * @param index the index {@link #record} returned
	 * @param rows the number of rows read
	 * @param bytes characters of text and bytes of binary values read from those rows
	 * @param widestColumn the column of the largest value read, or {@code null} when not
	 * named
	 */
	public void addRead(int index, long rows, long bytes, String widestColumn) {
		if (index < 0 || (rows == 0 && bytes == 0)) {
			return;
		}
		synchronized (this.lock) {
			if (!this.finished && index < this.queries.size()) {
				this.queries.get(index).addRead(rows, bytes, widestColumn);
			}
		}
	}

	/**
	 * Whether the next execution of this SQL should capture its call site: only the first
	 * few of each statement do, so the cost does not grow with N.
	 * @param sql the SQL about to run
	 * @return whether to capture the call site
	 */
	public boolean wantsCallSite(String sql) {
		synchronized (this.lock) {
			// Past the limit no call site is kept, so none is captured and the samples
			// stop growing.
			if (this.finished || this.queryCount >= this.maxQueries) {
				return false;
			}
			String key = (sql != null && this.sqlTextLimit.cuts(sql)) ? this.sqlTextLimit.kept(sql) : sql;
			int seen = this.callSiteSamples.merge(key, 1, Integer::sum);
			return seen <= CALL_SITE_SAMPLES;
		}
	}

	/**
	 * Adds a lazy association the ORM initialised, so that analysis can name it with
	 * certainty. Ignored once the recording is finished; kept for at most as many loads
	 * as statements are kept.
	 * @param lazyLoad what was loaded and which statements it ran
	 */
	public void recordLazyLoad(LazyLoad lazyLoad) {
		if (this.finished || lazyLoad == null) {
			return;
		}
		synchronized (this.lock) {
			if (!this.finished && this.lazyLoads.size() < Math.max(this.maxQueries, 1)) {
				this.lazyLoads.add(lazyLoad);
			}
		}
	}

	/**
	 * Notes that the ORM made entities of a statement's rows, so that analysis gives ORM
	 * advice only for the statements the ORM ran. Ignored once finished, or for a query
	 * past the limit.
	 * @param queryIndex the statement's index
	 * @param repositoryMethod the repository method that ran it, e.g.
	 * {@code OrderRepository.findById}, or {@code null} when unknown or not run by one
	 */
	public void recordEntityStatement(int queryIndex, String repositoryMethod) {
		if (this.finished || queryIndex < 0) {
			return;
		}
		synchronized (this.lock) {
			if (!this.finished && queryIndex < this.queries.size()) {
				String known = this.entityStatements.get(queryIndex);
				if (known == null || (known.isEmpty() && repositoryMethod != null)) {
					this.entityStatements.put(queryIndex, (repositoryMethod != null) ? repositoryMethod : "");
				}
			}
		}
	}

	/**
	 * Whether the ORM made entities of this statement's rows.
	 * @param queryIndex the statement's index
	 * @return whether it did, {@code false} without an ORM integration
	 */
	public boolean isEntityStatement(int queryIndex) {
		synchronized (this.lock) {
			return this.entityStatements.containsKey(queryIndex);
		}
	}

	/**
	 * Returns the repository method that ran a statement the ORM made entities of.
	 * @param queryIndex the statement's index
	 * @return the method, e.g. {@code OrderRepository.findById}, or {@code null} when
	 * unknown
	 */
	public String repositoryMethodOf(int queryIndex) {
		synchronized (this.lock) {
			String method = this.entityStatements.get(queryIndex);
			return (method != null && !method.isEmpty()) ? method : null;
		}
	}

	/**
	 * Returns the lazy loads the ORM reported, in the order they finished.
	 * @return the lazy loads (a snapshot while running), empty without an ORM integration
	 */
	public List<LazyLoad> getLazyLoads() {
		synchronized (this.lock) {
			return this.finished ? this.lazyLoads : List.copyOf(this.lazyLoads);
		}
	}

	/**
	 * Marks the start of view rendering: later queries belong to the view phase.
	 * @param viewName the view's name, or {@code null} when unknown
	 */
	public void enterView(String viewName) {
		this.viewName = viewName;
		this.phase = Phase.VIEW;
	}

	/**
	 * Silences findings of these types for the whole recording, such as those the handler
	 * method of a request is annotated to ignore. Adds to the types given before.
	 * @param types the finding type names, as the JSON shows them ({@code N_PLUS_ONE})
	 */
	public void ignoreFindings(Set<String> types) {
		if (types.isEmpty()) {
			return;
		}
		synchronized (this.lock) {
			Set<String> all = new HashSet<>(this.ignoredFindingTypes);
			all.addAll(types);
			this.ignoredFindingTypes = Set.copyOf(all);
		}
	}

	/**
	 * Returns the finding types silenced for the whole recording.
	 * @return the finding type names, empty unless {@link #ignoreFindings} was called
	 */
	public Set<String> getIgnoredFindingTypes() {
		return this.ignoredFindingTypes;
	}

	/**
	 * Freezes the recording. Later calls are ignored.
	 * @param status the HTTP status, or 0 for other kinds
	 * @param pattern the matched handler pattern, or {@code null}
	 * @return {@code true} if this call finished it, {@code false} if it was already
	 * finished
	 */
	public boolean finish(int status, String pattern) {
		synchronized (this.lock) {
			if (this.finished) {
				return false;
			}
			this.status = status;
			this.pattern = pattern;
			this.durationNanos = this.nanoTime.getAsLong() - this.startNanos;
			this.queries = List.copyOf(this.queries);
			this.overflow = Collections.unmodifiableMap(this.overflow);
			this.lazyLoads = List.copyOf(this.lazyLoads);
			this.entityStatements = Map.copyOf(this.entityStatements);
			this.connectionFailures = List.copyOf(this.connectionFailures);
			this.callSiteSamples = Map.of();
			this.transactions.finish();
			this.finished = true;
			return true;
		}
	}

	/**
	 * Returns the recording's id, short and unique enough to name it in a URL.
	 * @return the id
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * Returns what this recording covers.
	 * @return the kind
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Returns the HTTP method or label.
	 * @return the method, may be {@code null}
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Returns the request path (without query string) or name.
	 * @return the URI
	 */
	public String getUri() {
		return this.uri;
	}

	/**
	 * Returns the query string.
	 * @return the query string, or {@code null}
	 */
	public String getQuery() {
		return this.query;
	}

	/**
	 * Returns when the recording started.
	 * @return the start instant
	 */
	public Instant getStartedAt() {
		return this.startedAt;
	}

	/**
	 * Returns the current phase.
	 * @return the phase
	 */
	public Phase getPhase() {
		return this.phase;
	}

	/**
	 * Returns the name of the view being rendered.
	 * @return the view name, or {@code null}
	 */
	public String getViewName() {
		return this.viewName;
	}

	/**
	 * Whether {@link #finish} was called.
	 * @return whether the recording is frozen
	 */
	public boolean isFinished() {
		return this.finished;
	}

	/**
	 * Returns the matched handler pattern, known once finished.
	 * @return the pattern, or {@code null}
	 */
	public String getPattern() {
		synchronized (this.lock) {
			return this.pattern;
		}
	}

	/**
	 * Returns the HTTP status, known once finished.
	 * @return the status, or 0
	 */
	public int getStatus() {
		synchronized (this.lock) {
			return this.status;
		}
	}

	/**
	 * Returns the duration, known once finished; while running, the time so far.
	 * @return the duration in nanoseconds
	 */
	public long getDurationNanos() {
		synchronized (this.lock) {
			return this.finished ? this.durationNanos : this.nanoTime.getAsLong() - this.startNanos;
		}
	}

	/**
	 * Returns the queries kept in full, in execution order.
	 * @return the queries (a snapshot while running)
	 */
	public List<QueryEvent> getQueries() {
		synchronized (this.lock) {
			return this.finished ? this.queries : List.copyOf(this.queries);
		}
	}

	/**
	 * Returns the number of queries executed, kept in full or not.
	 * @return the exact count
	 */
	public int getQueryCount() {
		synchronized (this.lock) {
			return this.queryCount;
		}
	}

	/**
	 * Returns the total time spent executing queries.
	 * @return nanoseconds, over every query
	 */
	public long getQueryTimeNanos() {
		synchronized (this.lock) {
			return this.queryTimeNanos;
		}
	}

	/**
	 * Returns how many connections were taken from data sources while the recording ran.
	 * @return the number of {@code getConnection()} calls
	 */
	public int getConnectionCount() {
		synchronized (this.lock) {
			return this.connectionCount;
		}
	}

	/**
	 * Returns the time spent getting those connections.
	 * @return nanoseconds, over every connection taken
	 */
	public long getConnectionAcquireNanos() {
		synchronized (this.lock) {
			return this.connectionAcquireNanos;
		}
	}

	/**
	 * Returns how many times a data source failed to hand out a connection while the
	 * recording ran.
	 * @return the number of failed {@code getConnection()} calls, kept in full or not
	 */
	public int getConnectionFailureCount() {
		synchronized (this.lock) {
			return this.connectionFailureCount;
		}
	}

	/**
	 * Returns the failed connection acquisitions kept, in the order they failed.
	 * @return the failures (a snapshot while running)
	 */
	public List<ConnectionFailure> getConnectionFailures() {
		synchronized (this.lock) {
			return this.finished ? this.connectionFailures : List.copyOf(this.connectionFailures);
		}
	}

	/**
	 * Whether queries past the limit were counted but not kept.
	 * @return whether the recording is truncated
	 */
	public boolean isTruncated() {
		synchronized (this.lock) {
			return !this.overflow.isEmpty();
		}
	}

	/**
	 * Returns the tallies of queries counted but not kept, per SQL string.
	 * @return the tallies, in first-seen order
	 */
	public List<SqlTally> getOverflow() {
		synchronized (this.lock) {
			return List.copyOf(this.overflow.values());
		}
	}

	@Override
	public String toString() {
		return "Recording " + this.id + " (" + this.kind.name().toLowerCase() + " "
				+ ((this.method != null) ? this.method + " " : "") + this.uri + ")";
	}

	private record ConnectionKey(String dataSource, int connectionId) {
	}

}
