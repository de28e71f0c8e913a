package dev.querylens.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.querylens.analysis.SqlLexer.Dollar;
import dev.querylens.analysis.SqlLexer.Hash;
import dev.querylens.analysis.SqlLexer.Rules;

/**
 * What QueryLens knows of each database it explains on: how it reads SQL text, how to ask
 * it for a plan in a read-only transaction, and how to read the table a plan scans in
 * full. Its readings are {@link dev.querylens.analysis.SqlLexer} rules.
 */
public enum SqlDialect {

	/**
	 * H2: {@code --} and {@code //} line comments ended by {@code \r} too, nested block
	 * comments, {@code $$} quotes only, no backslash escapes; {@code #} is not a comment
	 * (and doubtful).
	 */
	H2("EXPLAIN ", null, List.of(new Rules(Hash.DOUBTFUL, Dollar.QUOTE_UNTAGGED, true, false, false, false, true, false,
			true, true, false, true, true))) {

		@Override
		QueryPlan read(String database, String statement, List<String> columns, List<List<String>> rows, String sql) {
			String plan = String.join("\n", firstColumn(rows));
			Matcher scan = H2_TABLE_SCAN.matcher(plan);
			String table = scan.find() ? scan.group(1).toLowerCase(Locale.ROOT) : null;
			String column = null;
			if (table != null) {
				Matcher filter = H2_FILTER.matcher(plan);
				column = filter.find() ? filter.group(1).toLowerCase(Locale.ROOT) : null;
			}
			return new QueryPlan(database, statement, columns, rows, plan, table, column);
		}

	},

	/**
	 * PostgreSQL (and the PgJDBC driver, which splits statements at {@code ;} itself):
	 * {@code #} is an operator, {@code $tag$} quotes (not inside a name such as
	 * {@code x$y$}), {@code E'…'} escapes, nested block comments; read with and without
	 * {@code standard_conforming_strings}.
	 */
	POSTGRESQL("EXPLAIN (FORMAT TEXT) ", "SET TRANSACTION READ ONLY",
			List.of(new Rules(Hash.OPERATOR, Dollar.QUOTE, true, false, true, false, false, false, false, true, false,
					true, true),
					new Rules(Hash.OPERATOR, Dollar.QUOTE, true, true, true, false, false, false, false, true, false,
							true, true))) {

		@Override
		QueryPlan read(String database, String statement, List<String> columns, List<List<String>> rows, String sql) {
			List<String> lines = firstColumn(rows);
			String table = null;
			String column = null;
			for (int i = 0; i < lines.size() && table == null; i++) {
				Matcher scan = PG_SEQ_SCAN.matcher(lines.get(i));
				if (scan.find()) {
					table = unquoted(scan.group(1));
					// The scan's own Filter is on the lines just below it, indented
					// further.
					for (int k = i + 1; k < lines.size() && k <= i + 3; k++) {
						Matcher filter = PG_FILTER.matcher(lines.get(k));
						if (filter.find()) {
							column = unquoted(filter.group(1));
							break;
						}
					}
				}
			}
			return new QueryPlan(database, statement, columns, rows, String.join("\n", lines), table, column);
		}

	},

	/**
	 * MySQL and MariaDB: {@code #} and {@code -- } comments (not ended by {@code \r}),
	 * {@code "…"} strings, backslash escapes, executable {@code /*!} comments doubtful;
	 * read with the default {@code sql_mode}, with {@code ANSI_QUOTES} and with
	 * {@code NO_BACKSLASH_ESCAPES}.
	 */
	MYSQL("EXPLAIN ", "START TRANSACTION READ ONLY", List.of(
			new Rules(Hash.COMMENT, Dollar.WORD, false, true, false, true, true, true, false, false, true, false, true),
			new Rules(Hash.COMMENT, Dollar.WORD, false, true, false, false, true, true, false, false, true, false,
					true),
			new Rules(Hash.COMMENT, Dollar.WORD, false, false, false, false, true, true, false, false, true, false,
					true))) {

		@Override
		QueryPlan read(String database, String statement, List<String> columns, List<List<String>> rows, String sql) {
			List<String> lines = new ArrayList<>();
			String alias = null;
			int type = columns.indexOf("type");
			int tableColumn = columns.indexOf("table");
			for (List<String> row : rows) {
				StringBuilder line = new StringBuilder();
				for (int c = 0; c < columns.size(); c++) {
					if (row.get(c) != null) {
						line.append((line.length() > 0) ? ", " : "")
							.append(columns.get(c))
							.append(": ")
							.append(row.get(c));
					}
				}
				lines.add(line.toString());
				if (alias == null && type >= 0 && tableColumn >= 0 && "ALL".equalsIgnoreCase(row.get(type))) {
					alias = row.get(tableColumn);
				}
			}
			String table = null;
			String column = null;
			if (alias != null) {
				String lower = sql.toLowerCase(Locale.ROOT).replace("`", "");
				String name = alias.toLowerCase(Locale.ROOT);
				// MySQL names the table by its alias: find the table behind it, and its
				// column in WHERE or ORDER BY.
				Matcher from = Pattern.compile("(?:from|join) (\\w+)(?: as)? " + Pattern.quote(name) + "\\b")
					.matcher(lower);
				table = from.find() ? from.group(1) : name;
				Matcher predicate = Pattern.compile("(?:where|order by) .*?\\b" + Pattern.quote(name) + "\\.(\\w+)")
					.matcher(lower);
				column = predicate.find() ? predicate.group(1) : null;
			}
			return new QueryPlan(database, statement, columns, rows, String.join("\n", lines), table, column);
		}

	};

	private static final Pattern PG_SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");

	private static final Pattern PG_FILTER = Pattern.compile("(?:Filter|Sort Key): \\(*(?:[\\w\"]+\\.)?\"?(\\w+)");

	private static final Pattern H2_TABLE_SCAN = Pattern.compile("(\\w+)\\.tableScan");

	private static final Pattern H2_FILTER = Pattern
		.compile("(?:WHERE|ORDER BY)\\s+\\(*(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?");

	private final String prefix;

	private final String readOnlyStatement;

	private final List<Rules> readings;

	SqlDialect(String prefix, String readOnlyStatement, List<Rules> readings) {
		this.prefix = prefix;
		this.readOnlyStatement = readOnlyStatement;
		this.readings = readings;
	}

	/**
	 * Returns the dialect of a database.
	 * @param product the database product name, as JDBC gives it
	 * @return the dialect
	 * @throws IllegalArgumentException for a database QueryLens cannot explain on
	 */
	public static SqlDialect of(String product) {
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.equals("h2")) {
			return H2;
		}
		if (name.contains("mysql") || name.contains("mariadb")) {
			return MYSQL;
		}
		throw new IllegalArgumentException("EXPLAIN is not supported on " + product);
	}

	/**
	 * Returns what asks this database for a plan.
	 * @return the prefix, ending with a space
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Returns the statement that makes the transaction just begun read-only, where JDBC's
	 * {@code setReadOnly} is not enough to be sure.
	 * @return the statement, or {@code null} when the database has none
	 */
	String readOnlyStatement() {
		return this.readOnlyStatement;
	}

	/**
	 * Returns every way this database may read a statement's text, depending on its
	 * settings: a statement is explained only when each of them reads it as one SELECT.
	 * @return the lexer rules
	 */
	List<Rules> readings() {
		return this.readings;
	}

	/**
	 * Reads a plan.
	 * @param database the database product name
	 * @param statement the EXPLAIN statement that ran
	 * @param columns the result's column labels
	 * @param rows the result's rows, as text
	 * @param sql the statement explained
	 * @return the plan
	 */
	abstract QueryPlan read(String database, String statement, List<String> columns, List<List<String>> rows,
			String sql);

	private static List<String> firstColumn(List<List<String>> rows) {
		List<String> lines = new ArrayList<>(rows.size());
		for (List<String> row : rows) {
			lines.add(row.isEmpty() ? "" : String.valueOf(row.get(0)));
		}
		return lines;
	}

	private static String unquoted(String name) {
		String bare = name.replace("\"", "");
		int dot = bare.lastIndexOf('.');
		return (dot >= 0) ? bare.substring(dot + 1) : bare;
	}

}
