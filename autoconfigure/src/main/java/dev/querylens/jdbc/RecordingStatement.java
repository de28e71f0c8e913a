package dev.querylens.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.Recording;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Statement} bound to the recording that was current when it was created: each
 * execution becomes one query of that recording. Bound to none, it records nothing.
 * Everything else is {@link DelegatingStatement}'s, passed to the driver's statement
 * unchanged.
 */
class RecordingStatement extends DelegatingStatement {

	private static final String BATCH_SEPARATOR = ";\n";

	final RecordingConnection connection;

	// Null for a statement created with no current recording: it then records nothing and
	// only keeps the
	// wrappers' identity (its connection, its result sets' statement).
	final Recording.@Nullable Started recording;

	// The result set of the last execution: its rows are added when it closes or is read
	// to the
	// end, or when this statement closes or runs again (which closes it in the driver
	// too).
	private RecordingResultSet resultSet;

	// The index of the last execution's query, for result sets the application asks for
	// later.
	private int lastIndex = -1;

	// Set after execute(...) returned an update count that the application has not read
	// yet.
	private int pendingUpdateIndex = -1;

	int batchSize;

	private StringBuilder batchSql;

	RecordingStatement(Statement delegate, RecordingConnection connection, Recording.@Nullable Started recording) {
		super(delegate);
		this.connection = connection;
		this.recording = recording;
	}

	/**
	 * Returns the values to record with a query.
	 * @param batch whether the query is a batch, whose first set of values is recorded
	 * @return the values, made safe to show
	 */
	List<Object> parameters(boolean batch) {
		return Collections.emptyList();
	}

	String batchSql() {
		return (this.batchSql != null) ? this.batchSql.toString() : "";
	}

	void clearBatchState() {
		this.batchSize = 0;
		this.batchSql = null;
	}

	final CallSite beforeExecution(String sql) {
		flushResultSet();
		this.pendingUpdateIndex = -1;
		try {
			CallSiteResolver callSites = this.connection.settings.callSites();
			return callSites.shouldResolve(this.recording, sql) ? callSites.resolve() : null;
		}
		catch (RuntimeException ex) {
			FailureLog.logOnce(ex);
			return null;
		}
	}

	final int recordSuccess(String sql, boolean batch, int batchSize, long rows, long startNanos, long durationNanos,
			CallSite callSite) {
		int index;
		try {
			index = this.recording.record(sql, parameters(batch), batchSize, rows, startNanos, durationNanos,
					this.connection.id, this.connection.dataSourceName, callSite, null,
					this.connection.isInAutoCommit());
		}
		catch (RuntimeException ex) {
			FailureLog.logOnce(ex);
			index = -1;
		}
		this.lastIndex = index;
		return index;
	}

	final void recordFailure(String sql, boolean batch, int batchSize, long startNanos, CallSite callSite,
			Throwable failure) {
		long durationNanos = System.nanoTime() - startNanos;
		this.lastIndex = -1;
		try {
			this.recording.record(sql, parameters(batch), batchSize, 0, startNanos, durationNanos, this.connection.id,
					this.connection.dataSourceName, callSite, RecordedFailures.describe(failure));
		}
		catch (RuntimeException ex) {
			FailureLog.logOnce(ex);
		}
	}

	final ResultSet wrap(ResultSet resultSet, int index) {
		if (resultSet == null) {
			return null;
		}
		RecordingResultSet wrapper = new RecordingResultSet(resultSet, this, index);
		this.resultSet = wrapper;
		return wrapper;
	}

	final void afterExecute(int index, boolean hasResultSet) {
		if (!hasResultSet) {
			this.pendingUpdateIndex = index;
		}
	}

	final void addRead(int index, long rows, long bytes, String widestColumn) {
		if (this.recording == null) {
			return;
		}
		try {
			this.recording.addRead(index, rows, bytes, widestColumn);
		}
		catch (RuntimeException ex) {
			FailureLog.logOnce(ex);
		}
	}

	private void flushResultSet() {
		RecordingResultSet current = this.resultSet;
		if (current != null) {
			current.flush();
			this.resultSet = null;
		}
	}

	private static long sum(int[] counts) {
		long sum = 0;
		for (int count : counts) {
			if (count > 0) {
				sum += count;
			}
		}
		return sum;
	}

	private static long sum(long[] counts) {
		long sum = 0;
		for (long count : counts) {
			if (count > 0) {
				sum += count;
			}
		}
		return sum;
	}

	/**
	 * Runs one execution on the driver and records it: the one execute template of the
	 * package. The time is taken around the driver's call alone, a failure is recorded
	 * and rethrown unchanged, and the index of the recorded query is kept for the result
	 * set or update count read after it. With no recording it is the driver's call.
	 * <p>
	 * The executions without extra arguments (all of a prepared statement's) pass a
	 * lambda that captures nothing, a single instance, so no object is created per call;
	 * {@code int} and {@code long} counts are boxed, from the small-value caches for the
	 * usual counts.
	 * @param <S> the type of the driver's statement
	 * @param <R> the result type
	 * @param statement the driver's statement
	 * @param sql the SQL the query is recorded with
	 * @param batchSize the number of statements of a batch, or 0 for a single statement
	 * @param execution the call on the driver's statement
	 * @return the driver's result
	 * @throws SQLException the driver's exception, unchanged
	 */
	final <S, R> R executeAndRecord(S statement, String sql, int batchSize, Execution<S, R> execution)
			throws SQLException {
		if (this.recording == null) {
			return execution.execute(statement, sql);
		}
		boolean batch = batchSize > 0;
		int size = batch ? batchSize : 1;
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		R result;
		try {
			result = execution.execute(statement, sql);
		}
		catch (Throwable ex) {
			recordFailure(sql, batch, size, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, batch, size, rows(result), startNanos, durationNanos, callSite);
		return result;
	}

	// The rows an execution's result says it changed. A result set's rows are counted as
	// they are read, and the
	// count after execute(...) is added when the application reads it.
	private static long rows(Object result) {
		if (result instanceof Integer count) {
			return Math.max(count, 0);
		}
		if (result instanceof Long count) {
			return Math.max(count, 0);
		}
		if (result instanceof int[] counts) {
			return sum(counts);
		}
		if (result instanceof long[] counts) {
			return sum(counts);
		}
		return 0;
	}

	final ResultSet query(ResultSet resultSet) {
		return wrap(resultSet, this.lastIndex);
	}

	final boolean executed(boolean hasResultSet) {
		afterExecute(this.lastIndex, hasResultSet);
		return hasResultSet;
	}

	// A batch is one query, recorded with the SQL and values gathered by addBatch, which
	// the execution clears
	// whether it succeeds or fails. With nothing added the driver's call is all.
	private <R> R batch(Execution<Statement, R> execution) throws SQLException {
		int batchSize = this.batchSize;
		if (batchSize == 0) {
			return execution.execute(this.delegate, null);
		}
		try {
			return executeAndRecord(this.delegate, batchSql(), batchSize, execution);
		}
		finally {
			clearBatchState();
		}
	}

	@Override
	public ResultSet executeQuery(String sql) throws SQLException {
		return query(executeAndRecord(this.delegate, sql, 0, Statement::executeQuery));
	}

	@Override
	public int executeUpdate(String sql) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0, Statement::executeUpdate);
	}

	@Override
	public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0,
				(statement, text) -> statement.executeUpdate(text, autoGeneratedKeys));
	}

	@Override
	public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0,
				(statement, text) -> statement.executeUpdate(text, columnIndexes));
	}

	@Override
	public int executeUpdate(String sql, String[] columnNames) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0, (statement, text) -> statement.executeUpdate(text, columnNames));
	}

	@Override
	public long executeLargeUpdate(String sql) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0, Statement::executeLargeUpdate);
	}

	@Override
	public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0,
				(statement, text) -> statement.executeLargeUpdate(text, autoGeneratedKeys));
	}

	@Override
	public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0,
				(statement, text) -> statement.executeLargeUpdate(text, columnIndexes));
	}

	@Override
	public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
		return executeAndRecord(this.delegate, sql, 0,
				(statement, text) -> statement.executeLargeUpdate(text, columnNames));
	}

	@Override
	public boolean execute(String sql) throws SQLException {
		return executed(executeAndRecord(this.delegate, sql, 0, Statement::execute));
	}

	@Override
	public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
		return executed(executeAndRecord(this.delegate, sql, 0,
				(statement, text) -> statement.execute(text, autoGeneratedKeys)));
	}

	@Override
	public boolean execute(String sql, int[] columnIndexes) throws SQLException {
		return executed(
				executeAndRecord(this.delegate, sql, 0, (statement, text) -> statement.execute(text, columnIndexes)));
	}

	@Override
	public boolean execute(String sql, String[] columnNames) throws SQLException {
		return executed(
				executeAndRecord(this.delegate, sql, 0, (statement, text) -> statement.execute(text, columnNames)));
	}

	@Override
	public int[] executeBatch() throws SQLException {
		return batch((statement, sql) -> statement.executeBatch());
	}

	@Override
	public long[] executeLargeBatch() throws SQLException {
		return batch((statement, sql) -> statement.executeLargeBatch());
	}

	@Override
	public void addBatch(String sql) throws SQLException {
		this.delegate.addBatch(sql);
		if (this.batchSql == null) {
			this.batchSql = new StringBuilder(sql);
		}
		else {
			this.batchSql.append(BATCH_SEPARATOR).append(sql);
		}
		this.batchSize++;
	}

	@Override
	public void clearBatch() throws SQLException {
		this.delegate.clearBatch();
		clearBatchState();
	}

	@Override
	public ResultSet getResultSet() throws SQLException {
		ResultSet resultSet = this.delegate.getResultSet();
		RecordingResultSet current = this.resultSet;
		if (current != null && current.delegate == resultSet) {
			return current;
		}
		return wrap(resultSet, this.lastIndex);
	}

	@Override
	public int getUpdateCount() throws SQLException {
		int count = this.delegate.getUpdateCount();
		if (this.pendingUpdateIndex >= 0) {
			addRead(this.pendingUpdateIndex, Math.max(count, 0), 0, null);
			this.pendingUpdateIndex = -1;
		}
		return count;
	}

	@Override
	public long getLargeUpdateCount() throws SQLException {
		long count = this.delegate.getLargeUpdateCount();
		if (this.pendingUpdateIndex >= 0) {
			addRead(this.pendingUpdateIndex, Math.max(count, 0), 0, null);
			this.pendingUpdateIndex = -1;
		}
		return count;
	}

	@Override
	public boolean getMoreResults() throws SQLException {
		flushResultSet();
		boolean hasResultSet = this.delegate.getMoreResults();
		this.pendingUpdateIndex = hasResultSet ? -1 : this.lastIndex;
		return hasResultSet;
	}

	@Override
	public boolean getMoreResults(int current) throws SQLException {
		flushResultSet();
		boolean hasResultSet = this.delegate.getMoreResults(current);
		this.pendingUpdateIndex = hasResultSet ? -1 : this.lastIndex;
		return hasResultSet;
	}

	@Override
	public ResultSet getGeneratedKeys() throws SQLException {
		ResultSet keys = this.delegate.getGeneratedKeys();
		return (keys != null) ? new RecordingResultSet(keys, this, -1) : null;
	}

	@Override
	public Connection getConnection() {
		return this.connection;
	}

	@Override
	public void close() throws SQLException {
		flushResultSet();
		this.delegate.close();
	}

	/**
	 * One call on the driver's statement.
	 *
	 * @param <S> the type of the driver's statement
	 * @param <R> the result type
	 */
	@FunctionalInterface
	interface Execution<S, R> {

		R execute(S statement, String sql) throws SQLException;

	}

}
