package dev.querylens.listeners;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders of customers, read one customer at a time (an N+1 wherever it runs) or in one
 * join (its fixed twin).
 */
public class ListenerShop {

	/** Orders seeded, each of its own customer. */
	static final int ORDERS = 5;

	private final JdbcTemplate jdbc;

	// The schema is made while the context refreshes, before the first message.
	ListenerShop(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("create table if not exists listener_customer (id int primary key, name varchar(50))");
		jdbc.execute("create table if not exists listener_orders (id int primary key, customer_id int)");
		jdbc.update("delete from listener_orders");
		jdbc.update("delete from listener_customer");
		for (int i = 1; i <= ORDERS; i++) {
			jdbc.update("insert into listener_customer (id, name) values (?, ?)", i, "customer " + i);
			jdbc.update("insert into listener_orders (id, customer_id) values (?, ?)", i, i);
		}
	}

	List<String> customerNames() {
		return this.jdbc.queryForList("select customer_id from listener_orders order by id", Integer.class)
			.stream()
			.map((id) -> this.jdbc.queryForObject("select name from listener_customer where id = ?", String.class, id))
			.toList();
	}

	String customerName(int id) {
		return this.jdbc.queryForObject("select name from listener_customer where id = ?", String.class, id);
	}

	List<String> customerNamesJoined() {
		return this.jdbc.queryForList("select c.name from listener_orders o join listener_customer c"
				+ " on c.id = o.customer_id order by o.id", String.class);
	}

}
