package dev.querylens.explain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.querylens.capture.QueryEvent;

/**
 * Runs EXPLAIN for one recorded statement, with the parameters it ran with, on the data
 * source it ran on: the only code in QueryLens that does. Only a statement the
 * {@link ExplainPolicy} reads as a single SELECT on that database runs, as one prepared
 * statement, in a read-only transaction that is rolled back; the connection's auto-commit
 * and read-only state are restored. Runs on the unwrapped data source, so its statements
 * are never recorded.
 */
public final class QueryExplainer {

	private static final int TIMEOUT_SECONDS = 10;

	private static final int MAX_ROWS = 1000;

	private static final String ANALYZE_PREFIX = "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ";

	private final Function<String, DataSource> dataSources;

	/**
	 * Creates an explainer.
	 * @param dataSources finds the unwrapped data source by the name queries are recorded
	 * under, or returns {@code null}
	 */
	public QueryExplainer(Function<String, DataSource> dataSources) {
		this.dataSources = dataSources;
	}

	/**
	 * Whether a recorded statement can be explained at all, before its database is asked:
	 * its text and parameters were captured whole.
	 * @param event the recorded statement
	 * @return whether it can be explained
	 */
	public static boolean isExplainable(QueryEvent event) {
		return refusal(event) == null;
	}

	/**
	 * Says why a recorded statement cannot be explained at all, before its database is
	 * asked.
	 * @param event the recorded statement
	 * @return the reason, or {@code null} when its text and parameters were captured
	 * whole
	 */
	public static String refusal(QueryEvent event) {
		// A statement whose text or parameters QueryLens did not keep whole is not the
		// statement that ran.
		if (event == null || event.sql() == null) {
			return "This statement was not recorded, so it cannot be explained";
		}
		if (event.sqlTruncated()) {
			return "This statement was cut to its first " + event.sql().length() + " of " + event.sqlLength()
					+ " characters when it was recorded (querylens.capture.max-sql-length), so it is not the SQL"
					+ " that ran and cannot be explained";
		}
		if (event.parameters() == null) {
			return "This statement's parameters were not recorded, so it cannot be explained";
		}
		return null;
	}

	/**
	 * Explains a recorded statement.
	 * @param event the statement
	 * @return the plan
	 * @throws IllegalArgumentException when the statement may not be explained or its
	 * data source is unknown
	 * @throws SQLException when the database refuses
	 */
	public QueryPlan explain(QueryEvent event) throws SQLException {
		String refusal = refusal(event);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal);
		}
		return explain(event.sql(), event.parameters(), event.dataSource());
	}

	/**
	 * Explains a statement.
	 * @param sql the statement exactly as recorded
	 * @param parameters its bound values, in order
	 * @param dataSourceName the name of the data source it ran on
	 * @return the plan
	 * @throws IllegalArgumentException when the statement may not be explained or the
	 * data source is unknown
	 * @throws SQLException when the database refuses
	 */
	public QueryPlan explain(String sql, List<Object> parameters, String dataSourceName) throws SQLException {
		return inReadOnlyTransaction(sql, dataSourceName, "explained", false, (connection, dialect,
				database) -> run(connection, dialect, dialect.prefix(), database, sql, parameters));
	}

	/**
	 * Runs a recorded SELECT again and returns its first rows, as Django Debug Toolbar's
	 * SELECT button does: the same single-SELECT policy as EXPLAIN, and no locking clause
	 * either, since this one runs; in a read-only transaction that is rolled back.
	 * @param event the statement
	 * @param maxRows how many rows to return at most
	 * @return the rows
	 * @throws IllegalArgumentException when the statement may not run again or its data
	 * source is unknown
	 * @throws SQLException when the database refuses
	 */
	public QueryRows select(QueryEvent event, int maxRows) throws SQLException {
		String refusal = refusal(event);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal.replace("explained", "run again"));
		}
		return select(event.sql(), event.parameters(), event.dataSource(), maxRows);
	}

	/**
	 * Runs a SELECT and returns its first rows, under the rules of
	 * {@link #select(QueryEvent, int)}.
	 * @param sql the statement exactly as recorded
	 * @param parameters its bound values, in order
	 * @param dataSourceName the name of the data source it ran on
	 * @param maxRows how many rows to return at most
	 * @return the rows
	 * @throws IllegalArgumentException when the statement may not run again or the data
	 * source is unknown
	 * @throws SQLException when the database refuses
	 */
	public QueryRows select(String sql, List<Object> parameters, String dataSourceName, int maxRows)
			throws SQLException {
		return inReadOnlyTransaction(sql, dataSourceName, "run again", true, (connection, dialect, database) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setQueryTimeout(TIMEOUT_SECONDS);
				statement.setMaxRows(maxRows + 1);
				bind(statement, dialect, (parameters != null) ? parameters : List.of());
				try (ResultSet result = statement.executeQuery()) {
					List<String> columns = columns(result);
					List<List<String>> rows = rows(result, columns.size(), maxRows);
					return new QueryRows(database, columns, rows, result.next());
				}
			}
		});
	}

	/**
	 * Runs EXPLAIN ANALYZE for a recorded SELECT on PostgreSQL: the statement runs (so
	 * the same rules as {@link #select(QueryEvent, int)}), in a read-only transaction
	 * that is rolled back, and the plan comes back with the real times and row counts.
	 * @param event the statement
	 * @return the plan
	 * @throws IllegalArgumentException when the statement may not run, or its database is
	 * not PostgreSQL
	 * @throws SQLException when the database refuses
	 */
	public QueryPlan analyze(QueryEvent event) throws SQLException {
		String refusal = refusal(event);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal);
		}
		String sql = event.sql();
		return inReadOnlyTransaction(sql, event.dataSource(), "analysed", true, (connection, dialect, database) -> {
			if (dialect != SqlDialect.POSTGRESQL) {
				throw new IllegalArgumentException("EXPLAIN ANALYZE is offered on PostgreSQL only, not on " + database);
			}
			return run(connection, dialect, ANALYZE_PREFIX, database, sql, event.parameters());
		});
	}

	/**
	 * Whether a recorded statement's database offers EXPLAIN ANALYZE here.
	 * @param event the recorded statement
	 * @return whether its data source is a PostgreSQL database that QueryLens can reach
	 */
	public boolean canAnalyze(QueryEvent event) {
		DataSource dataSource = (event != null) ? this.dataSources.apply(event.dataSource()) : null;
		if (dataSource == null) {
			return false;
		}
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private <T> T inReadOnlyTransaction(String sql, String dataSourceName, String what, boolean runs, Work<T> work)
			throws SQLException {
		if (sql == null) {
			throw new IllegalArgumentException("Only a single SELECT statement can be " + what);
		}
		DataSource dataSource = this.dataSources.apply(dataSourceName);
		if (dataSource == null) {
			throw new IllegalArgumentException("No data source named '" + dataSourceName + "'");
		}
		try (Connection connection = dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			SqlDialect dialect = SqlDialect.of(database);
			String refusal = runs ? ExplainPolicy.runRefusal(sql, dialect) : ExplainPolicy.refusal(sql, dialect);
			if (refusal != null) {
				throw new IllegalArgumentException(
						"Only a single SELECT statement can be " + what + " on " + database + ": " + refusal);
			}
			boolean autoCommit = connection.getAutoCommit();
			boolean readOnly = connection.isReadOnly();
			try {
				connection.setAutoCommit(false);
				connection.setReadOnly(true);
				if (dialect.readOnlyStatement() != null) {
					try (Statement statement = connection.createStatement()) {
						statement.execute(dialect.readOnlyStatement());
					}
				}
				return work.run(connection, dialect, database);
			}
			finally {
				try {
					connection.rollback();
				}
				finally {
					try {
						connection.setReadOnly(readOnly);
					}
					finally {
						connection.setAutoCommit(autoCommit);
					}
				}
			}
		}
	}

	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection, SqlDialect dialect, String database) throws SQLException;

	}

	private static List<String> columns(ResultSet result) throws SQLException {
		ResultSetMetaData meta = result.getMetaData();
		List<String> columns = new ArrayList<>();
		for (int c = 1; c <= meta.getColumnCount(); c++) {
			columns.add(meta.getColumnLabel(c));
		}
		return List.copyOf(columns);
	}

	private static List<List<String>> rows(ResultSet result, int columns, int max) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		while (rows.size() < max && result.next()) {
			List<String> row = new ArrayList<>(columns);
			for (int c = 1; c <= columns; c++) {
				row.add(result.getString(c));
			}
			rows.add(row);
		}
		return rows;
	}

	private static QueryPlan run(Connection connection, SqlDialect dialect, String prefix, String database, String sql,
			List<Object> parameters) throws SQLException {
		String explain = prefix + sql;
		try (PreparedStatement statement = connection.prepareStatement(explain)) {
			statement.setQueryTimeout(TIMEOUT_SECONDS);
			bind(statement, dialect, (parameters != null) ? parameters : List.of());
			try (ResultSet result = statement.executeQuery()) {
				List<String> columns = columns(result);
				return dialect.read(database, explain, columns, rows(result, columns.size(), MAX_ROWS), sql);
			}
		}
	}

	private static void bind(PreparedStatement statement, SqlDialect dialect, List<Object> parameters)
			throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			Object value = parameters.get(i);
			if (dialect == SqlDialect.POSTGRESQL && (value == null || value instanceof String)) {
				// Recorded values of other types (dates, UUIDs) are kept as text: let
				// PostgreSQL infer the type.
				statement.setObject(i + 1, value, Types.OTHER);
			}
			else if (value == null) {
				statement.setNull(i + 1, Types.VARCHAR);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

}
