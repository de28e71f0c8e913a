package dev.querylens.web;

import com.zaxxer.hikari.HikariConfig;

/**
 * Tests for {@link QueryExplainer} on MariaDB, run when {@code querylens.test.databases} lists {@code mariadb}.
 */
class QueryExplainerMariaDbTests extends QueryExplainerTests {

	@Override
	String database() {
		return "mariadb";
	}

	@Override
	void configure(HikariConfig config) {
		config.setJdbcUrl("jdbc:mariadb://127.0.0.1:3306/test");
		config.setUsername("root");
		config.setPassword("");
	}

	@Override
	String expectedPlanText() {
		// MariaDB's plan is a table (id, select_type, table, type, possible_keys, key, …): the key it uses.
		return "PRIMARY";
	}

}
