package dev.querylens.explain;

import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link QueryExplainer} on PostgreSQL, run when
 * {@code querylens.test.databases} lists {@code postgres}.
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
				"select id from explain_item /* nested /* comment */ ; */",
				"select * from explain_item for no key update", "select * from explain_item where id = ? for update");
	}

	@Test
	void explainAnalyzeRunsTheSelectReadOnlyAndGivesTheRealTimes() throws Exception {
		QueryExplainer explainer = explainer();
		QueryEvent select = event("select * from explain_item where id = ?", List.of(1));
		assertThat(explainer.canAnalyze(select)).isTrue();
		QueryPlan plan = explainer.analyze(select);
		assertThat(plan.statement()).startsWith("EXPLAIN (ANALYZE");
		assertThat(plan.plan()).contains("actual time=", "Execution Time");
		QueryEvent write = event("with d as (delete from victim returning *) select * from d", List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> explainer.analyze(write));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> explainer.analyze(event("select * from victim for update", List.of())))
			.withMessageContaining("locks");
	}

	private static QueryEvent event(String sql, List<Object> parameters) {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/", null, 10);
		started.record(sql, parameters, 1, 0, 0, 1, 1, "dataSource", null, null);
		Recording recording = started.finish(200, null);
		return recording.getQueries().get(0);
	}

}
