package com.example.lens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import dev.querylens.jdbc.RecordingDataSource;

/**
 * Application code for the tests of the test API: a shop on plain JDBC, outside every
 * package QueryLens skips when it looks for call sites. Each N+1 has its own call site.
 */
public final class LensShop {

	/** Orders seeded, each of its own customer, with two items each. */
	public static final int ORDERS = 4;

	private final DataSource dataSource;

	/**
	 * Creates the shop on a fresh H2 database, seeded outside any recording.
	 * @param name the database's name
	 */
	public LensShop(String name) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		this.dataSource = new RecordingDataSource(h2, "shop");
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists customer (id int primary key, name varchar(50))");
			statement.execute("create table if not exists orders (id int primary key, customer_id int)");
			statement
				.execute("create table if not exists item (id int primary key, order_id int, product varchar(50))");
			statement.execute("delete from item");
			statement.execute("delete from orders");
			statement.execute("delete from customer");
			for (int i = 1; i <= ORDERS; i++) {
				statement.execute("insert into customer values (" + i + ", 'customer " + i + "')");
				statement.execute("insert into orders values (" + i + ", " + i + ")");
				statement.execute("insert into item values (" + (2 * i) + ", " + i + ", 'p" + i + "')");
				statement.execute("insert into item values (" + (2 * i + 1) + ", " + i + ", 'q" + i + "')");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the data source, wrapped by QueryLens.
	 * @return the data source
	 */
	public DataSource getDataSource() {
		return this.dataSource;
	}

	/**
	 * One select of every order's id.
	 * @return the ids
	 */
	public List<Integer> orderIds() {
		return ints("select id from orders order by id");
	}

	/**
	 * The customers' names with one query.
	 * @return the names
	 */
	public List<String> customerNamesJoined() {
		return strings("select c.name from orders o join customer c on c.id = o.customer_id order by o.id");
	}

	/**
	 * The customers' names, one query per order: an N+1.
	 * @return the names
	 */
	public List<String> customerNamesOneByOne() {
		List<String> names = new ArrayList<>();
		for (int customerId : ints("select customer_id from orders order by id")) {
			names.add(strings("select name from customer where id = ?", customerId).get(0));
		}
		return names;
	}

	/**
	 * The items' products, one query per order: another N+1, at another call site.
	 * @return the products
	 */
	public List<String> productsOneByOne() {
		List<String> products = new ArrayList<>();
		for (int orderId : orderIds()) {
			products.addAll(strings("select product from item where order_id = ?", orderId));
		}
		return products;
	}

	/**
	 * The orders of each customer, one query per customer: a third N+1.
	 * @return the order ids
	 */
	public List<Integer> ordersPerCustomerOneByOne() {
		List<Integer> orders = new ArrayList<>();
		for (int customerId : ints("select id from customer order by id")) {
			orders.addAll(ints("select id from orders where customer_id = ?", customerId));
		}
		return orders;
	}

	/**
	 * Adds an item: one insert.
	 * @param id the item's id
	 */
	public void addItem(int id) {
		update("insert into item (id, order_id, product) values (?, 1, 'new')", id);
	}

	/**
	 * Runs a statement that fails.
	 */
	public void failingQuery() {
		ints("select cast(name as int) from customer");
	}

	private List<Integer> ints(String sql, Object... parameters) {
		List<Integer> values = new ArrayList<>();
		query(sql, parameters, (rows) -> values.add(rows.getInt(1)));
		return values;
	}

	private List<String> strings(String sql, Object... parameters) {
		List<String> values = new ArrayList<>();
		query(sql, parameters, (rows) -> values.add(rows.getString(1)));
		return values;
	}

	private void query(String sql, Object[] parameters, RowReader reader) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					reader.read(rows);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void update(String sql, Object... parameters) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet rows) throws SQLException;

	}

}
