package com.example.ignoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.QueryLensIgnore;

/**
 * Plain JDBC loops whose N+1 is accepted with {@link QueryLensIgnore} on the method that
 * runs them, the call site QueryLens records.
 */
public final class AcceptedLoops {

	private final DataSource dataSource;

	public AcceptedLoops(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The orders of each customer, one query per customer.
	 * @return the order ids
	 * @throws SQLException if a query fails
	 */
	@QueryLensIgnore(value = FindingType.N_PLUS_ONE, reason = "A nightly job over four customers")
	public List<Integer> ordersPerCustomer() throws SQLException {
		List<Integer> orders = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			List<Integer> customers = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement("select id from customer order by id");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					customers.add(rows.getInt(1));
				}
			}
			for (int customer : customers) {
				try (PreparedStatement statement = connection
					.prepareStatement("select id from orders where customer_id = ?")) {
					statement.setInt(1, customer);
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							orders.add(rows.getInt(1));
						}
					}
				}
			}
		}
		return orders;
	}

}
