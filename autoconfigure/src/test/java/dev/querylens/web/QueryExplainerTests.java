package dev.querylens.web;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link QueryExplainer} on H2; subclasses run the database tests on PostgreSQL and MariaDB when
 * {@code querylens.test.databases} lists them.
 */
class QueryExplainerTests {

	private HikariDataSource dataSource;

	String database() {
		return "h2";
	}

	void configure(HikariConfig config) {
		config.setJdbcUrl("jdbc:h2:mem:explain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
	}

	String expectedPlanText() {
		return "PRIMARY_KEY";
	}

	@BeforeEach
	void setUp() throws Exception {
		String databases = System.getProperty("querylens.test.databases", "h2");
		boolean listed = Arrays.stream(databases.split(",")).map(String::trim).anyMatch(database()::equals);
		if (!listed && "true".equalsIgnoreCase(System.getenv("CI")) && !database().equals("h2")) {
			throw new IllegalStateException("CI must run the " + database() + " tests (-Pall-databases)");
		}
		assumeTrue(listed, () -> database() + " is not listed in querylens.test.databases=" + databases);
		HikariConfig config = new HikariConfig();
		configure(config);
		config.setMaximumPoolSize(2);
		this.dataSource = new HikariDataSource(config);
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists explain_item");
			statement.execute("create table explain_item (id int primary key, name varchar(50), added date)");
			statement.execute("insert into explain_item values (1, 'one', date '2026-01-05')");
		}
	}

	@AfterEach
	void tearDown() throws Exception {
		if (this.dataSource != null) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("drop table explain_item");
			}
			this.dataSource.close();
		}
	}

	@Test
	void aSelectIsExplainedWithItsParameters() throws Exception {
		QueryExplainer.Plan plan = explainer().explain(
				"select e.id, e.name from explain_item e where e.id = ? and e.name = ? and e.added > ?",
				List.of(1, "one", "2026-01-01"), "dataSource");
		assertThat(plan.statement()).startsWith(QueryExplainer.explainPrefix(plan.database()));
		assertThat(plan.rows()).isNotEmpty();
		assertThat(plan.rows().toString().toUpperCase()).contains(expectedPlanText().toUpperCase());
	}

	@Test
	void theExplainRunsReadOnlyAndLeavesTheConnectionAsItWas() throws Exception {
		explainer().explain("select * from explain_item where id = ?", List.of(1), "dataSource");
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.isReadOnly()).isFalse();
			assertThat(connection.getAutoCommit()).isTrue();
		}
	}

	@Test
	void anExplainIsNeverRecorded() throws Exception {
		Recording recording = Recording.start(Kind.HTTP, "GET", "/", null, 10);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(recording)) {
			explainer().explain("select * from explain_item", List.of(), "dataSource");
		}
		assertThat(recording.getQueryCount()).isZero();
	}

	@Test
	void anUnknownDataSourceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> explainer().explain("select 1", List.of(), "other"))
			.withMessageContaining("'other'");
	}

	@Test
	void aStatementThatIsNotASingleSelectIsRefusedBeforeAnyConnection() {
		QueryExplainer explainer = new QueryExplainer((name) -> {
			throw new AssertionError("no data source must be looked up");
		});
		for (String sql : List.of("update explain_item set name = ?", "delete from explain_item",
				"select 1; drop table explain_item", "select 1;", "insert into explain_item select * from explain_item")) {
			assertThatIllegalArgumentException().isThrownBy(() -> explainer.explain(sql, List.of(), "dataSource"))
				.as(sql)
				.withMessageContaining("single SELECT");
		}
	}

	@Test
	void onlyASingleSelectCountsAsOne() {
		assertThat(QueryExplainer.isSingleSelect("select * from t where name = ';'")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("SELECT 'it''s; fine' FROM t")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("  /* c; */ select 1 -- trailing; comment\n")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("with x as (select 1 as n) select n from x")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("select * from t where id = ? for update")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("select \"update\" from t")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("select $$;$$ from t")).isTrue();
		assertThat(QueryExplainer.isSingleSelect("select 1; select 2")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("select 1;")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("select 'unterminated")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("with d as (delete from t returning *) select * from d")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("select * into copy_of_t from t")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("update t set a = 1")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("set search_path = x")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("call proc()")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("explain select 1")).isFalse();
		assertThat(QueryExplainer.isSingleSelect("")).isFalse();
		assertThat(QueryExplainer.isSingleSelect(null)).isFalse();
	}

	@Test
	void eachDatabaseGetsItsOwnExplain() {
		assertThat(QueryExplainer.explainPrefix("H2")).isEqualTo("EXPLAIN ");
		assertThat(QueryExplainer.explainPrefix("PostgreSQL")).isEqualTo("EXPLAIN (FORMAT TEXT) ");
		assertThat(QueryExplainer.explainPrefix("MySQL")).isEqualTo("EXPLAIN ");
		assertThat(QueryExplainer.explainPrefix("MariaDB")).isEqualTo("EXPLAIN ");
		assertThatIllegalArgumentException().isThrownBy(() -> QueryExplainer.explainPrefix("Oracle"));
	}

	private QueryExplainer explainer() {
		DataSource raw = this.dataSource;
		return new QueryExplainer((name) -> name.equals("dataSource") ? raw : null);
	}

}
