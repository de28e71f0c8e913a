package dev.querylens.capture;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One executed statement: a single statement, or a JDBC batch counted once.
 * <p>
 * Made once, when the statement runs, and seen only in a finished {@link Recording}, so
 * to everything that reads it an event never changes. Its fields are final but for the
 * three figures of what the application reads from the result set later (rows, the size
 * of their values, the widest column): the {@link Recording.Started} that made it adds
 * those in place, under its lock, before it finishes. A second object per query, or a
 * table of reads beside the events, would be most of QueryLens's allocation per statement
 * (measured in {@code benchmarks/RESULTS.md}).
 */
public final class QueryEvent {

	private final int index;

	private final String sql;

	private final int sqlLength;

	private final String fullFingerprint;

	private final int fullSqlHash;

	private final List<Object> parameters;

	private final int batchSize;

	// Written only by the started recording that made the event, under its lock, before
	// it finishes; read only from the finished recording.
	private long rows;

	private long bytesRead;

	private @Nullable String widestColumn;

	private final long durationNanos;

	private final long offsetNanos;

	private final int connectionId;

	private final String dataSource;

	private final Phase phase;

	private final String thread;

	private final CallSite callSite;

	private final String error;

	/**
	 * Creates an event.
	 * @param index position in the recording, 0-based, in execution order
	 * @param sql the SQL exactly as the driver received it
	 * @param parameters the bound values in order (for a batch, the first set); strings,
	 * numbers, booleans or {@code null}, already made safe to show
	 * @param batchSize 1 for a single statement, N for a batch of N
	 * @param rows rows read for a query, update count for a write (summed over a batch)
	 * @param durationNanos time spent executing
	 * @param offsetNanos time from the recording's start to this statement's start
	 * @param connectionId number of the connection it ran on: 1, 2, … in order of first
	 * use within its recording
	 * @param dataSource the data source's bean name
	 * @param phase whether it ran in the handler or in the view
	 * @param thread the name of the thread it ran on
	 * @param callSite where it came from, or {@code null} when not captured
	 * @param error the failure's class and message, or {@code null} when it succeeded
	 */
	public QueryEvent(int index, String sql, List<Object> parameters, int batchSize, long rows, long durationNanos,
			long offsetNanos, int connectionId, String dataSource, Phase phase, String thread, CallSite callSite,
			String error) {
		this(index, sql, (sql != null) ? sql.length() : 0, null, 0, parameters, batchSize, rows, durationNanos,
				offsetNanos, connectionId, dataSource, phase, thread, callSite, error);
	}

	/**
	 * Creates an event whose SQL may have been cut to a maximum length.
	 * @param index position in the recording, 0-based, in execution order
	 * @param sql the SQL as kept: whole, or its first characters when it was cut
	 * @param sqlLength the length of the SQL as the driver received it
	 * @param fullFingerprint the fingerprint of the whole SQL when it was cut, otherwise
	 * {@code null}
	 * @param fullSqlHash the {@link String#hashCode() hash} of the whole SQL when it was
	 * cut, otherwise 0
	 * @param parameters the bound values in order (for a batch, the first set), already
	 * made safe to show
	 * @param batchSize 1 for a single statement, N for a batch of N
	 * @param rows rows read for a query, update count for a write (summed over a batch)
	 * @param durationNanos time spent executing
	 * @param offsetNanos time from the recording's start to this statement's start
	 * @param connectionId number of the connection it ran on, unique within its data
	 * source
	 * @param dataSource the data source's bean name
	 * @param phase whether it ran in the handler or in the view
	 * @param thread the name of the thread it ran on
	 * @param callSite where it came from, or {@code null} when not captured
	 * @param error the failure's class and message, or {@code null} when it succeeded
	 */
	public QueryEvent(int index, String sql, int sqlLength, String fullFingerprint, int fullSqlHash,
			List<Object> parameters, int batchSize, long rows, long durationNanos, long offsetNanos, int connectionId,
			String dataSource, Phase phase, String thread, CallSite callSite, String error) {
		this.index = index;
		this.sql = sql;
		this.sqlLength = sqlLength;
		this.fullFingerprint = fullFingerprint;
		this.fullSqlHash = fullSqlHash;
		this.parameters = parameters;
		this.batchSize = batchSize;
		this.rows = rows;
		this.durationNanos = durationNanos;
		this.offsetNanos = offsetNanos;
		this.connectionId = connectionId;
		this.dataSource = dataSource;
		this.phase = phase;
		this.thread = thread;
		this.callSite = callSite;
		this.error = error;
	}

	/**
	 * Returns the position in the recording.
	 * @return 0-based index, in execution order
	 */
	public int index() {
		return this.index;
	}

	/**
	 * Returns the SQL exactly as the driver received it, or its first characters when it
	 * was longer than the recording keeps (see {@link #sqlTruncated()}).
	 * @return the SQL as kept
	 */
	public String sql() {
		return this.sql;
	}

	/**
	 * Returns the length of the SQL the driver received, whether or not it was kept
	 * whole.
	 * @return the length in characters
	 */
	public int sqlLength() {
		return this.sqlLength;
	}

	/**
	 * Whether the SQL was longer than the recording keeps, so that {@link #sql()} is only
	 * its beginning: such a statement is not the one that ran and cannot be explained.
	 * @return {@code true} if the SQL was cut
	 */
	public boolean sqlTruncated() {
		return this.sql != null && this.sql.length() < this.sqlLength;
	}

	/**
	 * Returns the fingerprint of the whole SQL, computed when it was recorded because the
	 * text kept is only its beginning.
	 * @return the fingerprint, or {@code null} when the SQL was kept whole (analysis
	 * fingerprints {@link #sql()})
	 */
	public String fullFingerprint() {
		return this.fullFingerprint;
	}

	/**
	 * Returns the {@link String#hashCode() hash} of the whole SQL, so that two cut
	 * statements with the same beginning are told apart.
	 * @return the hash when the SQL was cut, otherwise 0
	 */
	public int fullSqlHash() {
		return this.fullSqlHash;
	}

	/**
	 * Returns the bound values in order (for a batch, the first set).
	 * @return strings, numbers, booleans or {@code null}s; {@code null} when not captured
	 */
	public List<Object> parameters() {
		return this.parameters;
	}

	/**
	 * Returns the number of statements sent together.
	 * @return 1, or N for a batch of N
	 */
	public int batchSize() {
		return this.batchSize;
	}

	/**
	 * Returns the rows read for a query, or the update count for a write.
	 * @return the rows, summed over a batch
	 */
	public long rows() {
		return this.rows;
	}

	/**
	 * Returns the size of the text and binary values the application read from the result
	 * set: one per character of a string, one per byte of a byte array. Numbers, dates,
	 * LOB locators and streams are not counted.
	 * @return the size, 0 for a write or when nothing sized was read
	 */
	public long bytesRead() {
		return this.bytesRead;
	}

	/**
	 * Returns the column of the largest single value read, when the values read were
	 * large enough to name it.
	 * @return the column's label as the driver gives it, or {@code null}
	 */
	public @Nullable String widestColumn() {
		return this.widestColumn;
	}

	/**
	 * Returns the time spent executing.
	 * @return nanoseconds
	 */
	public long durationNanos() {
		return this.durationNanos;
	}

	/**
	 * Returns the time from the recording's start to this statement's start.
	 * @return nanoseconds
	 */
	public long offsetNanos() {
		return this.offsetNanos;
	}

	/**
	 * Returns the number of the connection it ran on.
	 * @return 1, 2, … in order of first use within the recording
	 */
	public int connectionId() {
		return this.connectionId;
	}

	/**
	 * Returns the data source's bean name.
	 * @return the name
	 */
	public String dataSource() {
		return this.dataSource;
	}

	/**
	 * Returns whether it ran in the handler or in the view.
	 * @return the phase
	 */
	public Phase phase() {
		return this.phase;
	}

	/**
	 * Returns the name of the thread it ran on.
	 * @return the thread's name
	 */
	public String thread() {
		return this.thread;
	}

	/**
	 * Returns where in application code it came from.
	 * @return the call site, or {@code null} when not captured
	 */
	public CallSite callSite() {
		return this.callSite;
	}

	/**
	 * Returns the failure.
	 * @return its class and message, or {@code null} when it succeeded
	 */
	public String error() {
		return this.error;
	}

	/**
	 * Whether the statement failed.
	 * @return {@code true} if it threw
	 */
	public boolean failed() {
		return this.error != null;
	}

	// Called by the started recording, under its lock, before it finishes.
	void addRead(long rows, long bytes, @Nullable String widestColumn) {
		this.rows += rows;
		this.bytesRead += bytes;
		if (widestColumn != null) {
			this.widestColumn = widestColumn;
		}
	}

	@Override
	public String toString() {
		return "QueryEvent[" + this.index + ": " + this.sql + " " + this.parameters + ", rows=" + rows()
				+ ((bytesRead() > 0) ? ", bytesRead=" + bytesRead() : "")
				+ ((this.error != null) ? ", error=" + this.error : "") + "]";
	}

}
