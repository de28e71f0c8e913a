package dev.querylens.explain;

import java.sql.SQLException;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QueryExplainer} on MariaDB, run when {@code querylens.test.databases}
 * lists {@code mariadb}.
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
		// MariaDB's plan is a table (id, select_type, table, type, possible_keys, key,
		// …): the key it uses.
		return "PRIMARY";
	}

	@Override
	List<String> ownSelects() {
		return List.of("select id from explain_item # a comment", "select id from explain_item -- a comment",
				"select 'a\\\\b' as t from explain_item", "select `id` from explain_item",
				"select id from explain_item where id = 1 lock in share mode");
	}

	@Test
	void aSelectForUpdateIsRefusedByMariaDbInTheReadOnlyTransaction() {
		// MariaDB will not plan FOR UPDATE in a read-only transaction; QueryLens keeps
		// the transaction read-only.
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new QueryExplainer((name) -> dataSource())
				.explain("select * from explain_item where id = 1 for update", List.of(), "dataSource"))
			.withMessageContaining("READ ONLY");
	}

}
