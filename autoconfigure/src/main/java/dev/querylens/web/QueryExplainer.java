package dev.querylens.web;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Shows the database's plan for one recorded SELECT, with the parameters it ran with, on the data source it ran
 * on: read-only, rolled back, and only for a single SELECT statement. Runs on the unwrapped data source, so its
 * statements are never recorded.
 */
public final class QueryExplainer {

	private static final int TIMEOUT_SECONDS = 10;

	private final Function<String, DataSource> dataSources;

	/**
	 * Creates an explainer.
	 * @param dataSources finds the unwrapped data source by the bean name queries are recorded under, or
	 * returns {@code null}
	 */
	public QueryExplainer(Function<String, DataSource> dataSources) {
		this.dataSources = dataSources;
	}

	/**
	 * Explains a statement.
	 * @param sql the statement exactly as recorded
	 * @param parameters its bound values, in order
	 * @param dataSourceName the data source's bean name
	 * @return the plan
	 * @throws IllegalArgumentException when the statement is not a single SELECT or the data source is unknown
	 * @throws SQLException when the database refuses
	 */
	public Plan explain(String sql, List<Object> parameters, String dataSourceName) throws SQLException {
		if (!isSingleSelect(sql)) {
			throw new IllegalArgumentException("Only a single SELECT statement can be explained");
		}
		DataSource dataSource = this.dataSources.apply(dataSourceName);
		if (dataSource == null) {
			throw new IllegalArgumentException("No data source named '" + dataSourceName + "'");
		}
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			boolean readOnly = connection.isReadOnly();
			try {
				connection.setAutoCommit(false);
				connection.setReadOnly(true);
				return run(connection, sql, parameters);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(readOnly);
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private static Plan run(Connection connection, String sql, List<Object> parameters) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String product = metaData.getDatabaseProductName();
		String prefix = explainPrefix(product);
		boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
		try (PreparedStatement statement = connection.prepareStatement(prefix + sql)) {
			statement.setQueryTimeout(TIMEOUT_SECONDS);
			int count = (parameters != null) ? parameters.size() : 0;
			for (int i = 0; i < count; i++) {
				Object value = parameters.get(i);
				if (value instanceof String && postgres) {
					// Recorded values of other types (dates, UUIDs) are kept as text: let PostgreSQL infer the type.
					statement.setObject(i + 1, value, Types.OTHER);
				}
				else {
					statement.setObject(i + 1, value);
				}
			}
			try (ResultSet result = statement.executeQuery()) {
				ResultSetMetaData columns = result.getMetaData();
				List<String> names = new ArrayList<>();
				for (int c = 1; c <= columns.getColumnCount(); c++) {
					names.add(columns.getColumnLabel(c));
				}
				List<List<String>> rows = new ArrayList<>();
				while (result.next() && rows.size() < 1000) {
					List<String> row = new ArrayList<>();
					for (int c = 1; c <= names.size(); c++) {
						row.add(result.getString(c));
					}
					rows.add(row);
				}
				return new Plan(product, prefix + sql, names, rows);
			}
		}
	}

	/**
	 * Returns the statement that asks a database for a plan.
	 * @param product the database product name, as JDBC gives it
	 * @return the prefix, ending with a space
	 * @throws IllegalArgumentException for a database QueryLens cannot explain on
	 */
	static String explainPrefix(String product) {
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		if (name.contains("postgres")) {
			return "EXPLAIN (FORMAT TEXT) ";
		}
		if (name.equals("h2") || name.contains("mysql") || name.contains("mariadb")) {
			return "EXPLAIN ";
		}
		throw new IllegalArgumentException("EXPLAIN is not supported on " + product);
	}

	/**
	 * Whether a statement is exactly one SELECT (or {@code WITH … SELECT}) that writes nothing: no {@code ;}
	 * outside quotes and comments, and no keyword that writes or locks outside quotes and comments.
	 * @param sql the statement
	 * @return whether it may be explained
	 */
	public static boolean isSingleSelect(String sql) {
		if (sql == null) {
			return false;
		}
		List<String> words = new ArrayList<>();
		int length = sql.length();
		int i = 0;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == ';') {
				return false;
			}
			if (c == '\'' || c == '"' || c == '`') {
				int end = closing(sql, i + 1, c);
				if (end < 0) {
					return false;
				}
				i = end + 1;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-' || c == '#') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int end = sql.indexOf("*/", i + 2);
				if (end < 0) {
					return false;
				}
				i = end + 2;
			}
			else if (c == '$' && i + 1 < length && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
				int tagEnd = sql.indexOf('$', i + 1);
				String tag = (tagEnd < 0) ? null : sql.substring(i, tagEnd + 1);
				if (tag == null || !tag.substring(1, tag.length() - 1).chars().allMatch(Character::isLetterOrDigit)) {
					i++;
					continue;
				}
				int end = sql.indexOf(tag, tagEnd + 1);
				if (end < 0) {
					return false;
				}
				i = end + tag.length();
			}
			else if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
					i++;
				}
				words.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
			}
			else {
				i++;
			}
		}
		if (words.isEmpty() || !(words.get(0).equals("select") || words.get(0).equals("with"))) {
			return false;
		}
		if (!words.contains("select")) {
			return false;
		}
		for (String word : words) {
			switch (word) {
				case "insert", "update", "delete", "merge", "into", "call", "exec", "execute", "create", "drop",
						"alter", "truncate", "grant", "revoke", "lock", "copy", "set" -> {
					// "for update" only locks, but EXPLAIN never takes the lock; anything else may write.
					if (!(word.equals("update") && isForUpdate(words))) {
						return false;
					}
				}
				default -> {
				}
			}
		}
		return true;
	}

	private static boolean isForUpdate(List<String> words) {
		for (int w = 1; w < words.size(); w++) {
			if (words.get(w).equals("update") && !words.get(w - 1).equals("for")) {
				return false;
			}
		}
		return true;
	}

	private static int closing(String sql, int from, char quote) {
		for (int i = from; i < sql.length(); i++) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i++;
					continue;
				}
				return i;
			}
		}
		return -1;
	}

	/**
	 * A plan as the database gives it.
	 *
	 * @param database the database product name
	 * @param statement the EXPLAIN statement that ran
	 * @param columns the result's column names
	 * @param rows the result's rows, as text
	 */
	public record Plan(String database, String statement, List<String> columns, List<List<String>> rows) {
	}

}
