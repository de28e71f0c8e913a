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
import java.util.function.Function;

import javax.sql.DataSource;

import dev.querylens.capture.QueryEvent;

/**
 * Runs EXPLAIN for one recorded statement, with the parameters it ran with, on the data source it ran on: the only
 * code in QueryLens that does. Only a statement the {@link ExplainPolicy} reads as a single SELECT on that
 * database runs, as one prepared statement, in a read-only transaction that is rolled back; the connection's
 * auto-commit and read-only state are restored. Runs on the unwrapped data source, so its statements are never
 * recorded.
 */
public final class QueryExplainer {

	private static final int TIMEOUT_SECONDS = 10;

	private static final int MAX_ROWS = 1000;

	private final Function<String, DataSource> dataSources;

	/**
	 * Creates an explainer.
	 * @param dataSources finds the unwrapped data source by the name queries are recorded under, or returns
	 * {@code null}
	 */
	public QueryExplainer(Function<String, DataSource> dataSources) {
		this.dataSources = dataSources;
	}

	/**
	 * Whether a recorded statement can be explained at all, before its database is asked: its text and parameters
	 * were captured whole.
	 * @param event the recorded statement
	 * @return whether it can be explained
	 */
	public static boolean isExplainable(QueryEvent event) {
		return refusal(event) == null;
	}

	/**
	 * Says why a recorded statement cannot be explained at all, before its database is asked.
	 * @param event the recorded statement
	 * @return the reason, or {@code null} when its text and parameters were captured whole
	 */
	public static String refusal(QueryEvent event) {
		// A statement whose text or parameters QueryLens did not keep whole is not the statement that ran.
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
	 * @throws IllegalArgumentException when the statement may not be explained or its data source is unknown
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
	 * @throws IllegalArgumentException when the statement may not be explained or the data source is unknown
	 * @throws SQLException when the database refuses
	 */
	public QueryPlan explain(String sql, List<Object> parameters, String dataSourceName) throws SQLException {
		if (sql == null) {
			throw new IllegalArgumentException("Only a single SELECT statement can be explained");
		}
		DataSource dataSource = this.dataSources.apply(dataSourceName);
		if (dataSource == null) {
			throw new IllegalArgumentException("No data source named '" + dataSourceName + "'");
		}
		try (Connection connection = dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			SqlDialect dialect = SqlDialect.of(database);
			String refusal = ExplainPolicy.refusal(sql, dialect);
			if (refusal != null) {
				throw new IllegalArgumentException(
						"Only a single SELECT statement can be explained on " + database + ": " + refusal);
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
				return run(connection, dialect, database, sql, parameters);
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

	private static QueryPlan run(Connection connection, SqlDialect dialect, String database, String sql,
			List<Object> parameters) throws SQLException {
		String explain = dialect.prefix() + sql;
		try (PreparedStatement statement = connection.prepareStatement(explain)) {
			statement.setQueryTimeout(TIMEOUT_SECONDS);
			bind(statement, dialect, (parameters != null) ? parameters : List.of());
			try (ResultSet result = statement.executeQuery()) {
				ResultSetMetaData meta = result.getMetaData();
				List<String> columns = new ArrayList<>();
				for (int c = 1; c <= meta.getColumnCount(); c++) {
					columns.add(meta.getColumnLabel(c));
				}
				List<List<String>> rows = new ArrayList<>();
				while (rows.size() < MAX_ROWS && result.next()) {
					List<String> row = new ArrayList<>(columns.size());
					for (int c = 1; c <= columns.size(); c++) {
						row.add(result.getString(c));
					}
					rows.add(row);
				}
				return dialect.read(database, explain, List.copyOf(columns), rows, sql);
			}
		}
	}

	private static void bind(PreparedStatement statement, SqlDialect dialect, List<Object> parameters)
			throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			Object value = parameters.get(i);
			if (dialect == SqlDialect.POSTGRESQL && (value == null || value instanceof String)) {
				// Recorded values of other types (dates, UUIDs) are kept as text: let PostgreSQL infer the type.
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
