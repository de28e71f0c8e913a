package dev.querylens.web;

import com.zaxxer.hikari.HikariConfig;

/**
 * Tests for {@link QueryExplainer} on PostgreSQL, run when {@code querylens.test.databases} lists {@code postgres}.
 */
class QueryExplainerPostgresTests extends QueryExplainerTests {

	@Override
	String database() {
		return "postgres";
	}

	@Override
	void configure(HikariConfig config) {
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
		config.setUsername("postgres");
	}

	@Override
	String expectedPlanText() {
		return "explain_item";
	}

}
