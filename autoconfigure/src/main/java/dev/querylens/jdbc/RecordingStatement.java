package dev.querylens.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.Recording;

/**
 * A {@link Statement} bound to the recording that was current when it was created: each
 * execution becomes one query of that recording, and everything else goes to the driver's
 * statement unchanged.
 */
class RecordingStatement implements Statement {

	private static final String BATCH_SEPARATOR = ";\n";

	private final Statement delegate;

	final RecordingConnection connection;

	final Recording recording;

	// The result set of the last execution: its rows are added when it closes or is read to the
	// end, or when this statement closes or runs again (which closes it in the driver too).
	private RecordingResultSet resultSet;

	// The index of the last execution's query, for result sets the application asks for later.
	private int lastIndex = -1;

	// Set after execute(...) returned an update count that the application has not read yet.
	private int pendingUpdateIndex = -1;

	int batchSize;

	private StringBuilder batchSql;

	RecordingStatement(Statement delegate, RecordingConnection connection, Recording recording) {
		this.delegate = delegate;
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
					this.connection.id, this.connection.dataSourceName, callSite, null);
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

	@Override
	public ResultSet executeQuery(String sql) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		ResultSet resultSet;
		try {
			resultSet = this.delegate.executeQuery(sql);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		return wrap(resultSet, recordSuccess(sql, false, 1, 0, startNanos, durationNanos, callSite));
	}

	@Override
	public int executeUpdate(String sql) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		int count;
		try {
			count = this.delegate.executeUpdate(sql);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		int count;
		try {
			count = this.delegate.executeUpdate(sql, autoGeneratedKeys);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		int count;
		try {
			count = this.delegate.executeUpdate(sql, columnIndexes);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public int executeUpdate(String sql, String[] columnNames) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		int count;
		try {
			count = this.delegate.executeUpdate(sql, columnNames);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public long executeLargeUpdate(String sql) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		long count;
		try {
			count = this.delegate.executeLargeUpdate(sql);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		long count;
		try {
			count = this.delegate.executeLargeUpdate(sql, autoGeneratedKeys);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		long count;
		try {
			count = this.delegate.executeLargeUpdate(sql, columnIndexes);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		long count;
		try {
			count = this.delegate.executeLargeUpdate(sql, columnNames);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, false, 1, Math.max(count, 0), startNanos, durationNanos, callSite);
		return count;
	}

	@Override
	public boolean execute(String sql) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		boolean hasResultSet;
		try {
			hasResultSet = this.delegate.execute(sql);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		afterExecute(recordSuccess(sql, false, 1, 0, startNanos, durationNanos, callSite), hasResultSet);
		return hasResultSet;
	}

	@Override
	public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		boolean hasResultSet;
		try {
			hasResultSet = this.delegate.execute(sql, autoGeneratedKeys);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		afterExecute(recordSuccess(sql, false, 1, 0, startNanos, durationNanos, callSite), hasResultSet);
		return hasResultSet;
	}

	@Override
	public boolean execute(String sql, int[] columnIndexes) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		boolean hasResultSet;
		try {
			hasResultSet = this.delegate.execute(sql, columnIndexes);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		afterExecute(recordSuccess(sql, false, 1, 0, startNanos, durationNanos, callSite), hasResultSet);
		return hasResultSet;
	}

	@Override
	public boolean execute(String sql, String[] columnNames) throws SQLException {
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		boolean hasResultSet;
		try {
			hasResultSet = this.delegate.execute(sql, columnNames);
		}
		catch (Throwable ex) {
			recordFailure(sql, false, 1, startNanos, callSite, ex);
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		afterExecute(recordSuccess(sql, false, 1, 0, startNanos, durationNanos, callSite), hasResultSet);
		return hasResultSet;
	}

	@Override
	public int[] executeBatch() throws SQLException {
		int batchSize = this.batchSize;
		if (batchSize == 0) {
			return this.delegate.executeBatch();
		}
		String sql = batchSql();
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		int[] counts;
		try {
			counts = this.delegate.executeBatch();
		}
		catch (Throwable ex) {
			recordFailure(sql, true, batchSize, startNanos, callSite, ex);
			clearBatchState();
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, true, batchSize, sum(counts), startNanos, durationNanos, callSite);
		clearBatchState();
		return counts;
	}

	@Override
	public long[] executeLargeBatch() throws SQLException {
		int batchSize = this.batchSize;
		if (batchSize == 0) {
			return this.delegate.executeLargeBatch();
		}
		String sql = batchSql();
		CallSite callSite = beforeExecution(sql);
		long startNanos = System.nanoTime();
		long[] counts;
		try {
			counts = this.delegate.executeLargeBatch();
		}
		catch (Throwable ex) {
			recordFailure(sql, true, batchSize, startNanos, callSite, ex);
			clearBatchState();
			throw ex;
		}
		long durationNanos = System.nanoTime() - startNanos;
		recordSuccess(sql, true, batchSize, sum(counts), startNanos, durationNanos, callSite);
		clearBatchState();
		return counts;
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

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || this.delegate.isWrapperFor(iface);
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

	@Override
	public int getMaxFieldSize() throws SQLException {
		return this.delegate.getMaxFieldSize();
	}

	@Override
	public void setMaxFieldSize(int max) throws SQLException {
		this.delegate.setMaxFieldSize(max);
	}

	@Override
	public int getMaxRows() throws SQLException {
		return this.delegate.getMaxRows();
	}

	@Override
	public void setMaxRows(int max) throws SQLException {
		this.delegate.setMaxRows(max);
	}

	@Override
	public void setEscapeProcessing(boolean enable) throws SQLException {
		this.delegate.setEscapeProcessing(enable);
	}

	@Override
	public int getQueryTimeout() throws SQLException {
		return this.delegate.getQueryTimeout();
	}

	@Override
	public void setQueryTimeout(int seconds) throws SQLException {
		this.delegate.setQueryTimeout(seconds);
	}

	@Override
	public void cancel() throws SQLException {
		this.delegate.cancel();
	}

	@Override
	public SQLWarning getWarnings() throws SQLException {
		return this.delegate.getWarnings();
	}

	@Override
	public void clearWarnings() throws SQLException {
		this.delegate.clearWarnings();
	}

	@Override
	public void setCursorName(String name) throws SQLException {
		this.delegate.setCursorName(name);
	}

	@Override
	public void setFetchDirection(int direction) throws SQLException {
		this.delegate.setFetchDirection(direction);
	}

	@Override
	public int getFetchDirection() throws SQLException {
		return this.delegate.getFetchDirection();
	}

	@Override
	public void setFetchSize(int rows) throws SQLException {
		this.delegate.setFetchSize(rows);
	}

	@Override
	public int getFetchSize() throws SQLException {
		return this.delegate.getFetchSize();
	}

	@Override
	public int getResultSetConcurrency() throws SQLException {
		return this.delegate.getResultSetConcurrency();
	}

	@Override
	public int getResultSetType() throws SQLException {
		return this.delegate.getResultSetType();
	}

	@Override
	public int getResultSetHoldability() throws SQLException {
		return this.delegate.getResultSetHoldability();
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.delegate.isClosed();
	}

	@Override
	public void setPoolable(boolean poolable) throws SQLException {
		this.delegate.setPoolable(poolable);
	}

	@Override
	public boolean isPoolable() throws SQLException {
		return this.delegate.isPoolable();
	}

	@Override
	public void closeOnCompletion() throws SQLException {
		this.delegate.closeOnCompletion();
	}

	@Override
	public boolean isCloseOnCompletion() throws SQLException {
		return this.delegate.isCloseOnCompletion();
	}

	@Override
	public void setLargeMaxRows(long max) throws SQLException {
		this.delegate.setLargeMaxRows(max);
	}

	@Override
	public long getLargeMaxRows() throws SQLException {
		return this.delegate.getLargeMaxRows();
	}

	@Override
	public String enquoteLiteral(String val) throws SQLException {
		return this.delegate.enquoteLiteral(val);
	}

	@Override
	public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
		return this.delegate.enquoteIdentifier(identifier, alwaysQuote);
	}

	@Override
	public boolean isSimpleIdentifier(String identifier) throws SQLException {
		return this.delegate.isSimpleIdentifier(identifier);
	}

	@Override
	public String enquoteNCharLiteral(String val) throws SQLException {
		return this.delegate.enquoteNCharLiteral(val);
	}

}
