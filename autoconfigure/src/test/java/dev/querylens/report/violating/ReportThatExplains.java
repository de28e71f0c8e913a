package dev.querylens.report.violating;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs an EXPLAIN of its own outside the explain package, on purpose: the class that
 * {@code ArchitectureTests} shows its rule fails on. Not part of the library.
 */
public final class ReportThatExplains {

	private ReportThatExplains() {
	}

	/**
	 * Explains a statement the wrong way.
	 * @param connection a connection
	 * @param sql the statement
	 * @return whether the plan has a row
	 * @throws SQLException from the driver
	 */
	public static boolean explain(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
			return plan.next();
		}
	}

}
