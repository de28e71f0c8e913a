package dev.querylens.explain;

import java.util.List;

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

	@Override
	List<String> ownSelects() {
		return List.of("select id # 2 from explain_item", "select $$x;y$$ as t from explain_item",
				"select $tag$x;y$tag$ as t from explain_item", "select E'it\\'s' as t from explain_item",
				"select id from explain_item /* nested /* comment */ ; */", "select * from explain_item for no key update",
				"select * from explain_item where id = ? for update");
	}

}
