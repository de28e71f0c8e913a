package dev.querylens.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The queries of one unit of work (an HTTP request, a block in a test, a task), finished:
 * an immutable value that analysis, the store, the reports, the metrics, the actuator and
 * the toolbar read. Built by the {@link Started} that {@link #start} returns, while the
 * work runs, from any thread it hands work to; {@link Started#finish} makes it, as Spring
 * Boot's {@code HttpExchange.start(…)} and {@code finish(…)} do.
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

	private final @Nullable String method;

	private final String uri;

	private final @Nullable String query;

	private final Instant startedAt;

	private final @Nullable String pattern;

	private final int status;

	private final long durationNanos;

	private final List<QueryEvent> queries;

	private final int queryCount;

	private final long queryTimeNanos;

	private final int connectionCount;

	private final long connectionAcquireNanos;

	private final int connectionFailureCount;

	private final List<ConnectionFailure> connectionFailures;

	private final List<SqlTally> overflow;

	private final @Nullable String viewName;

	private final Transactions transactions;

	private final Map<RecordingAttribute<?>, Object> attributes;

	// Called by the started recording once it is finished, when nothing writes to it any
	// more.
	private Recording(Started started, int status, @Nullable String pattern, long durationNanos,
			Transactions transactions, Map<RecordingAttribute<?>, Object> attributes) {
		this.id = started.id;
		this.kind = started.kind;
		this.method = started.method;
		this.uri = started.uri;
		this.query = started.query;
		this.startedAt = started.startedAt;
		this.status = status;
		this.pattern = pattern;
		this.durationNanos = durationNanos;
		this.queries = List.copyOf(started.queries);
		this.queryCount = started.queryCount;
		this.queryTimeNanos = started.queryTimeNanos;
		this.connectionCount = started.connectionCount;
		this.connectionAcquireNanos = started.connectionAcquireNanos;
		this.connectionFailureCount = started.connectionFailureCount;
		this.connectionFailures = List.copyOf(started.connectionFailures);
		this.overflow = List.copyOf(started.overflow.values());
		this.viewName = started.viewName;
		this.transactions = transactions;
		this.attributes = attributes;
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
	public static Started start(Kind kind, String method, String uri, String query, int maxQueries) {
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
	public static Started start(Kind kind, String method, String uri, String query, int maxQueries,
			SqlTextLimit sqlTextLimit) {
		return new Started(kind, method, uri, query, maxQueries, sqlTextLimit, Clock.systemUTC(), System::nanoTime);
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
	public static Started start(Kind kind, String method, String uri, String query, int maxQueries, Clock clock,
			LongSupplier nanoTime) {
		return new Started(kind, method, uri, query, maxQueries, SqlTextLimit.none(), clock, nanoTime);
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
	public @Nullable String getMethod() {
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
	public @Nullable String getQuery() {
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
	 * Returns the matched handler pattern.
	 * @return the pattern, or {@code null}
	 */
	public @Nullable String getPattern() {
		return this.pattern;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status, or 0
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Returns the name of the view the request rendered.
	 * @return the view name, or {@code null}
	 */
	public @Nullable String getViewName() {
		return this.viewName;
	}

	/**
	 * Returns how long the work ran.
	 * @return the duration in nanoseconds
	 */
	public long getDurationNanos() {
		return this.durationNanos;
	}

	/**
	 * Returns the queries kept in full, in execution order.
	 * @return the queries
	 */
	public List<QueryEvent> getQueries() {
		return this.queries;
	}

	/**
	 * Returns the number of queries executed, kept in full or not.
	 * @return the exact count
	 */
	public int getQueryCount() {
		return this.queryCount;
	}

	/**
	 * Returns the total time spent executing queries.
	 * @return nanoseconds, over every query
	 */
	public long getQueryTimeNanos() {
		return this.queryTimeNanos;
	}

	/**
	 * Returns how many connections were taken from data sources while the recording ran.
	 * @return the number of {@code getConnection()} calls
	 */
	public int getConnectionCount() {
		return this.connectionCount;
	}

	/**
	 * Returns the time spent getting those connections.
	 * @return nanoseconds, over every connection taken
	 */
	public long getConnectionAcquireNanos() {
		return this.connectionAcquireNanos;
	}

	/**
	 * Returns how many times a data source failed to hand out a connection while the
	 * recording ran.
	 * @return the number of failed {@code getConnection()} calls, kept in full or not
	 */
	public int getConnectionFailureCount() {
		return this.connectionFailureCount;
	}

	/**
	 * Returns the failed connection acquisitions kept, in the order they failed.
	 * @return the failures
	 */
	public List<ConnectionFailure> getConnectionFailures() {
		return this.connectionFailures;
	}

	/**
	 * Whether queries past the limit were counted but not kept.
	 * @return whether the recording is truncated
	 */
	public boolean isTruncated() {
		return !this.overflow.isEmpty();
	}

	/**
	 * Returns the tallies of queries counted but not kept, per SQL string.
	 * @return the tallies, in first-seen order
	 */
	public List<SqlTally> getOverflow() {
		return this.overflow;
	}

	/**
	 * Returns the transactions the recording's work began, and which of its queries ran
	 * in which.
	 * @return the transactions
	 */
	public Transactions getTransactions() {
		return this.transactions;
	}

	/**
	 * Returns a value another package attached while the recording ran.
	 * @param <T> the value's type
	 * @param key the key, {@link RecordingAttribute#kept kept} by finished recordings
	 * @return the value, or {@code null} when none was attached
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T getAttribute(RecordingAttribute<T> key) {
		return (T) this.attributes.get(key);
	}

	@Override
	public String toString() {
		return "Recording " + this.id + " (" + this.kind.name().toLowerCase() + " "
				+ ((this.method != null) ? this.method + " " : "") + this.uri + ")";
	}

	/**
	 * A recording while its work runs: the only mutable part of the model, written to
	 * from every thread the work runs statements on (JDBC wrappers, the ORM's listeners,
	 * the transaction listener, the view interceptor, task recorders), under one lock.
	 * {@link #finish} turns it into the {@link Recording} everything else reads.
	 */
	public static final class Started {

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

		// Keyed by the SQL as kept, so that a finished recording holds no statement
		// whole;
		// emptied by finish.
		private Map<String, Integer> callSiteSamples = new HashMap<>();

		// The connection each statement ran on, numbered 1, 2, … in order of first use
		// within
		// this recording.
		private final Map<ConnectionKey, Integer> connectionNumbers = new HashMap<>();

		private @Nullable String lastDataSource;

		private int lastConnectionId;

		private int lastConnectionNumber;

		private final TransactionLog transactions;

		// Made on the first attach: most recordings have none.
		private @Nullable Map<RecordingAttribute<?>, Object> attributes;

		private Started(Kind kind, String method, String uri, String query, int maxQueries, SqlTextLimit sqlTextLimit,
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
		 * Adds an executed statement. Ignored once the recording is finished. SQL longer
		 * than the recording's {@link SqlTextLimit} is cut here, its fingerprint taken
		 * first.
		 * @param sql the SQL as the driver received it
		 * @param parameters the bound values, made safe to show
		 * @param batchSize 1, or the number of statements in a batch
		 * @param rows rows read so far or update count
		 * @param startNanos when execution started, from the same source as the
		 * recording's
		 * @param durationNanos how long it took
		 * @param connectionId the connection's number within its data source; the event
		 * keeps the connection's number within this recording instead, so that the first
		 * connection used is 1
		 * @param dataSource the data source's name
		 * @param callSite where it came from, or {@code null}
		 * @param error the failure, or {@code null}
		 * @return the query's index when it was kept in full, or -1
		 */
		public int record(String sql, List<Object> parameters, int batchSize, long rows, long startNanos,
				long durationNanos, int connectionId, String dataSource, CallSite callSite, String error) {
			return record(sql, parameters, batchSize, rows, startNanos, durationNanos, connectionId, dataSource,
					callSite, error, false);
		}

		/**
		 * Records one execution, noting whether its connection was in auto-commit mode
		 * (so that it committed alone) under the same lock as the execution itself.
		 * @param sql the SQL text as sent to the driver
		 * @param parameters the bound values, made safe to show
		 * @param batchSize 1, or the number of statements in a batch
		 * @param rows rows read so far or update count
		 * @param startNanos when execution started, from the same source as the
		 * recording's
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
			// A statement run while its transaction commits is the ORM's flush: it
			// belongs to
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
					int connection = connectionNumber(dataSource, connectionId);
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
				// The count only grows, so a statement found past the limit before the
				// lock
				// is past it now.
				this.queries.add(new QueryEvent(index, kept, sql.length(), fingerprint, sql.hashCode(), parameters,
						batchSize, rows, durationNanos, startNanos - this.startNanos, connectionId, dataSource,
						currentPhase, Thread.currentThread().getName(), callSite, error));
				this.transactions.noteQuery(index, transaction, flushed, autoCommit);
				return index;
			}
		}

		// The connection's number within this recording. Statements mostly run on the
		// connection of the one before, which is answered without a look-up, so that
		// numbering allocates only for a connection not seen before. Called under the
		// lock.
		private int connectionNumber(String dataSource, int connectionId) {
			if (connectionId == this.lastConnectionId && dataSource == this.lastDataSource) {
				return this.lastConnectionNumber;
			}
			int number = this.connectionNumbers.computeIfAbsent(new ConnectionKey(dataSource, connectionId),
					(key) -> this.connectionNumbers.size() + 1);
			this.lastDataSource = dataSource;
			this.lastConnectionId = connectionId;
			this.lastConnectionNumber = number;
			return number;
		}

		// Past the limit a statement is only counted and timed, per SQL as kept. Called
		// under
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
		 * Adds a connection taken from a data source while the recording ran. Ignored
		 * once finished.
		 * @param acquireNanos how long {@code getConnection()} took: the wait for the
		 * pool, or the whole connect
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
		 * Adds a connection a data source failed to hand out while the recording ran,
		 * such as a pool that timed out. Counted always; kept for at most as many
		 * failures as statements are kept. Ignored once finished.
		 * @param dataSource the data source's name
		 * @param startNanos when {@code getConnection()} was called, from the same source
		 * as the recording's
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
		 * size of their values, or an update count the application read later. Ignored
		 * once the recording is finished, or for a query past the limit.
		 * @param index the index {@link #record} returned
		 * @param rows the number of rows read
		 * @param bytes characters of text and bytes of binary values read from those rows
		 * @param widestColumn the column of the largest value read, or {@code null} when
		 * not named
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
		 * Whether the next execution of this SQL should capture its call site: only the
		 * first few of each statement do, so the cost does not grow with N.
		 * @param sql the SQL about to run
		 * @return whether to capture the call site
		 */
		public boolean wantsCallSite(String sql) {
			synchronized (this.lock) {
				// Past the limit no call site is kept, so none is captured and the
				// samples
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
		 * Marks the start of view rendering: later queries belong to the view phase.
		 * @param viewName the view's name, or {@code null} when unknown
		 */
		public void enterView(String viewName) {
			this.viewName = viewName;
			this.phase = Phase.VIEW;
		}

		/**
		 * Attaches a value of another package to the recording, merged with one attached
		 * before under the same key. Ignored once finished.
		 * @param <T> the value's type
		 * @param key the key, declared by the package that reads the value
		 * @param value the value
		 */
		public <T> void attach(RecordingAttribute<T> key, T value) {
			synchronized (this.lock) {
				if (this.finished) {
					return;
				}
				if (this.attributes == null) {
					this.attributes = new HashMap<>();
				}
				@SuppressWarnings("unchecked")
				T before = (T) this.attributes.get(key);
				this.attributes.put(key, (before != null) ? key.merge(before, value) : value);
			}
		}

		/**
		 * Returns the value attached under a key.
		 * @param <T> the value's type
		 * @param key the key
		 * @return the value, or {@code null} when none is attached
		 */
		@SuppressWarnings("unchecked")
		public <T> @Nullable T attached(RecordingAttribute<T> key) {
			synchronized (this.lock) {
				return (this.attributes != null) ? (T) this.attributes.get(key) : null;
			}
		}

		/**
		 * Returns the value attached under a key, attaching a new one first when there is
		 * none: for state another package keeps per running recording.
		 * @param <T> the value's type
		 * @param key the key
		 * @param created makes the value when none is attached
		 * @return the value
		 */
		public <T> T attached(RecordingAttribute<T> key, Supplier<T> created) {
			synchronized (this.lock) {
				@SuppressWarnings("unchecked")
				T value = (this.attributes != null) ? (T) this.attributes.get(key) : null;
				if (value == null) {
					value = created.get();
					if (!this.finished) {
						if (this.attributes == null) {
							this.attributes = new HashMap<>();
						}
						this.attributes.put(key, value);
					}
				}
				return value;
			}
		}

		/**
		 * Finishes the recording: what it holds becomes the immutable {@link Recording}
		 * that analysis, the store and the reports read. Later statements are ignored.
		 * @param status the HTTP status, or 0 for other kinds
		 * @param pattern the matched handler pattern, or {@code null}
		 * @return the finished recording, or {@code null} if it was already finished
		 */
		public @Nullable Recording finish(int status, @Nullable String pattern) {
			Map<RecordingAttribute<?>, Object> attached;
			long durationNanos;
			Transactions finishedTransactions;
			synchronized (this.lock) {
				if (this.finished) {
					return null;
				}
				this.finished = true;
				durationNanos = this.nanoTime.getAsLong() - this.startNanos;
				attached = this.attributes;
				this.attributes = null;
				this.callSiteSamples.clear();
				finishedTransactions = this.transactions.finish();
			}
			// Every writer checks finished under the lock, so nothing changes what is
			// read
			// from here on; what other packages gathered is turned into its kept value
			// out
			// of the lock, since they gather under locks of their own.
			return new Recording(this, status, pattern, durationNanos, finishedTransactions, kept(attached));
		}

		private static Map<RecordingAttribute<?>, Object> kept(@Nullable Map<RecordingAttribute<?>, Object> attached) {
			if (attached == null) {
				return Map.of();
			}
			Map<RecordingAttribute<?>, Object> kept = new HashMap<>();
			for (Map.Entry<RecordingAttribute<?>, Object> attribute : attached.entrySet()) {
				RecordingAttribute<?> key = attribute.getKey();
				if (key.isKept()) {
					kept.put(key, attribute.getValue());
				}
				else if (key.keptAs() != null) {
					Object value = key.finish(attribute.getValue());
					if (value != null) {
						kept.put(key.keptAs(), value);
					}
				}
			}
			return Map.copyOf(kept);
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
		 * @return whether the recording is finished
		 */
		public boolean isFinished() {
			return this.finished;
		}

		/**
		 * Returns how many queries the recording keeps in full, and so how many of
		 * anything per query another package should keep for it.
		 * @return the limit, {@code capture.max-queries}
		 */
		public int getMaxQueries() {
			return this.maxQueries;
		}

		/**
		 * Returns the time since the recording started.
		 * @return nanoseconds so far
		 */
		public long getDurationNanos() {
			return this.nanoTime.getAsLong() - this.startNanos;
		}

		/**
		 * Returns the time spent executing queries so far, for headers written while the
		 * work still runs.
		 * @return nanoseconds, over every query
		 */
		public long getQueryTimeNanos() {
			synchronized (this.lock) {
				return this.queryTimeNanos;
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
		 * Returns the transactions told so far, for whatever watches the transaction
		 * manager to add to.
		 * @return the transaction log
		 */
		public TransactionLog getTransactions() {
			return this.transactions;
		}

		private record ConnectionKey(String dataSource, int connectionId) {
		}

		@Override
		public String toString() {
			return "Recording " + this.id + " (" + this.kind.name().toLowerCase() + " "
					+ ((this.method != null) ? this.method + " " : "") + this.uri + ")";
		}

	}

}
