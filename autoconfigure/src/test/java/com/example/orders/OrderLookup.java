package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Application code as QueryLens sees it: outside every package its call-site search
 * skips.
 */
public final class OrderLookup {

	private OrderLookup() {
	}

	/**
	 * Reads the name of one row.
	 * @param connection the connection to use
	 * @param table the table to read
	 * @param id the row's id
	 * @return the name, or {@code null} when there is no such row
	 * @throws SQLException if the query fails
	 */
	public static String findName(Connection connection, String table, long id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select name from " + table + " where id = ?")) {
			statement.setLong(1, id);
			try (ResultSet resultSet = statement.executeQuery()) {
				return resultSet.next() ? resultSet.getString(1) : null;
			}
		}
	}

}
