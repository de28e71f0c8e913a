package dev.querylens.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKeyBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Recording;

/**
 * A {@link DataSource} that records each statement executed through it as one query of
 * the {@link CurrentRecording current recording}, and otherwise behaves exactly as the
 * data source it wraps: same results, same exceptions, and {@link #unwrap} reaches the
 * pool and driver.
 * <p>
 * Every connection it hands out is a thin wrapper, numbered in the order connections are
 * acquired, since a connection may be acquired before a recording starts. Statements
 * created while no recording is current are wrappers too, which record nothing and only
 * pass calls on, so that the objects lead back to the same wrappers either way (the rules
 * are in the package Javadoc).
 * <p>
 * A connection that could not be obtained is kept in the recording with its error, and
 * the exception reaches the application unchanged. Over another recording data source (a
 * router over recorded pools) the connections the inner one hands out are passed on as
 * they are, so that each statement is recorded once, under the inner name.
 */
public final class RecordingDataSource implements DataSource {

	private final DataSource delegate;

	private final String name;

	private final JdbcCaptureSettings settings;

	private final AtomicInteger connectionIds = new AtomicInteger();

	/**
	 * Wraps a data source with the {@link JdbcCaptureSettings#defaults() default
	 * settings}.
	 * @param delegate the data source to wrap
	 * @param name the name its queries are recorded under, usually the bean name
	 */
	public RecordingDataSource(DataSource delegate, String name) {
		this(delegate, name, JdbcCaptureSettings.defaults());
	}

	/**
	 * Wraps a data source.
	 * @param delegate the data source to wrap
	 * @param name the name its queries are recorded under, usually the bean name
	 * @param settings what to capture besides SQL and timing
	 */
	public RecordingDataSource(DataSource delegate, String name, JdbcCaptureSettings settings) {
		if (delegate == null) {
			throw new IllegalArgumentException("'delegate' must not be null");
		}
		if (delegate instanceof RecordingDataSource) {
			throw new IllegalArgumentException("'delegate' is already a RecordingDataSource");
		}
		if (settings == null) {
			throw new IllegalArgumentException("'settings' must not be null");
		}
		this.delegate = delegate;
		this.name = name;
		this.settings = settings;
	}

	/**
	 * Returns the wrapped data source.
	 * @return the data source passed to the constructor
	 */
	public DataSource getDelegate() {
		return this.delegate;
	}

	/**
	 * Returns the name this data source's queries are recorded under.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Returns what this data source captures.
	 * @return the settings
	 */
	public JdbcCaptureSettings getSettings() {
		return this.settings;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return acquire(DataSource::getConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return acquire((dataSource) -> dataSource.getConnection(username, password));
	}

	// The one acquisition template, as the statements have their one execute template:
	// the time is taken around the pool's call alone, and a failure is recorded and
	// rethrown unchanged. The common getConnection() passes a method reference that
	// captures nothing, a single instance, so no object is made per call.
	private Connection acquire(Acquisition acquisition) throws SQLException {
		Recording.Started recording = CurrentRecording.get();
		if (recording == null) {
			return wrap(acquisition.acquire(this.delegate));
		}
		long startNanos = System.nanoTime();
		Connection connection;
		try {
			connection = acquisition.acquire(this.delegate);
		}
		catch (Throwable ex) {
			recordFailure(recording, startNanos, ex);
			throw ex;
		}
		return acquired(recording, connection, startNanos);
	}

	// A connection that is already a recording one comes from a recorded data source this
	// one delegates to (a
	// routing data source over pool beans): that one has counted it and records its
	// statements, so it is handed
	// on as it is and nothing is recorded twice.
	private Connection acquired(Recording.Started recording, Connection connection, long startNanos) {
		if (connection instanceof RecordingConnection) {
			return connection;
		}
		recording.recordConnection(System.nanoTime() - startNanos);
		return wrap(connection);
	}

	private Connection wrap(Connection connection) {
		if (connection instanceof RecordingConnection) {
			return connection;
		}
		return new RecordingConnection(connection, this.connectionIds.incrementAndGet(), this.name, this.settings);
	}

	private void recordFailure(Recording.Started recording, long startNanos, Throwable failure) {
		long durationNanos = System.nanoTime() - startNanos;
		try {
			if (RecordedFailures.isRecordedElseMark(failure)) {
				return;
			}
			CallSite callSite = this.settings.callSites().isEnabled() ? this.settings.callSites().resolve() : null;
			recording.recordConnectionFailure(this.name, startNanos, durationNanos, callSite,
					RecordedFailures.describe(failure));
		}
		catch (RuntimeException ex) {
			FailureLog.logOnce(ex);
		}
	}

	/**
	 * Returns the wrapped data source's builder: connections built with it are the
	 * driver's own, and their queries are not recorded.
	 * @return the wrapped data source's connection builder
	 * @throws SQLException if the wrapped data source does not support building
	 * connections
	 */
	@Override
	public ConnectionBuilder createConnectionBuilder() throws SQLException {
		return this.delegate.createConnectionBuilder();
	}

	@Override
	public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
		return this.delegate.createShardingKeyBuilder();
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
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
		return "RecordingDataSource '" + this.name + "' of " + this.delegate;
	}

	@FunctionalInterface
	private interface Acquisition {

		Connection acquire(DataSource dataSource) throws SQLException;

	}

}
