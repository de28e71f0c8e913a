package dev.querylens.explain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTextLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link QueryExplainer} on H2; subclasses run them on PostgreSQL and MariaDB
 * when {@code querylens.test.databases} lists them. Every hostile statement is refused or
 * explained harmlessly, and the database is unchanged after each.
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

	/**
	 * Statements in this database's own syntax that must explain.
	 */
	List<String> ownSelects() {
		return List.of("select * from explain_item where id = ? for update", "select $$x;y$$ as t from explain_item",
				"select id from explain_item // a comment\n",
				"select id from explain_item /* nested /* comment */ ; */");
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
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String table : List.of("explain_item", "victim", "audit", "newtable")) {
				statement.execute("drop table if exists " + table);
			}
			statement.execute("create table explain_item (id int primary key, name varchar(50), added date)");
			statement.execute("insert into explain_item values (1, 'one', date '2026-01-05')");
			statement.execute("create table victim (id int)");
			statement.execute("insert into victim values (1)");
			statement.execute("create table audit (id int)");
		}
	}

	@AfterEach
	void tearDown() throws Exception {
		if (this.dataSource != null) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				for (String table : List.of("explain_item", "victim", "audit", "newtable")) {
					statement.execute("drop table if exists " + table);
				}
			}
			this.dataSource.close();
		}
	}

	@Test
	void aSelectIsExplainedWithItsParameters() throws Exception {
		QueryPlan plan = explainer().explain(
				"select e.id, e.name from explain_item e where e.id = ? and e.name = ? and e.added > ?",
				List.of(1, "one", "2026-01-01"), "dataSource");
		assertThat(plan.statement()).startsWith(SqlDialect.of(plan.database()).prefix());
		assertThat(plan.rows()).isNotEmpty();
		assertThat(plan.rows().toString().toUpperCase(Locale.ROOT))
			.contains(expectedPlanText().toUpperCase(Locale.ROOT));
	}

	@Test
	void legitimateSelectsAreExplained() throws Exception {
		List<String> selects = new ArrayList<>(List.of("with v as (select id from explain_item) select * from v",
				"select case when id = 1 then 'one' end from explain_item where id = ?",
				"select 1 as x$y$ from explain_item where id = ?"));
		selects.addAll(ownSelects());
		for (String sql : selects) {
			List<Object> parameters = sql.contains("?") ? List.of(1) : List.of();
			try {
				assertThat(explainer().explain(sql, parameters, "dataSource").rows()).as(sql).isNotEmpty();
			}
			catch (SQLException ex) {
				throw new AssertionError(sql, ex);
			}
			assertUnchanged(sql);
		}
	}

	@Test
	void hostileStatementsAreRefusedAndChangeNothing() throws Exception {
		for (String sql : HostileStatements.REFUSED_EVERYWHERE) {
			assertThatIllegalArgumentException().as(sql)
				.isThrownBy(() -> explainer().explain(sql, List.of(), "dataSource"))
				.withMessageContaining("single SELECT");
			assertUnchanged(sql);
		}
	}

	@Test
	void statementsSomeDatabasesReadAsOneSelectAreRefusedOrExplainedHarmlessly() throws Exception {
		for (String sql : HostileStatements.REFUSED_SOMEWHERE) {
			try {
				explainer().explain(sql, List.of(), "dataSource");
			}
			catch (IllegalArgumentException | SQLException ex) {
				// Refused, or the database found the text to be no statement it knows:
				// either way nothing ran.
			}
			assertUnchanged(sql);
		}
	}

	@Test
	void theExplainRunsAsOnePreparedStatementInARolledBackReadOnlyTransaction() throws Exception {
		List<String> calls = new ArrayList<>();
		DataSource watched = watched(this.dataSource, calls);
		QueryPlan plan = new QueryExplainer((name) -> watched).explain("select * from explain_item where id = ?",
				List.of(1), "dataSource");
		int prepared = calls.indexOf("prepareStatement " + plan.statement());
		assertThat(prepared).isPositive();
		assertThat(calls.subList(0, prepared)).containsSubsequence("setAutoCommit false", "setReadOnly true");
		assertThat(calls.subList(prepared, calls.size())).containsSubsequence("rollback", "setReadOnly false",
				"setAutoCommit true", "close");
		assertThat(calls).filteredOn((call) -> call.startsWith("prepareStatement")).hasSize(1);
		assertThat(calls).doesNotContain("commit");
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.isReadOnly()).isFalse();
			assertThat(connection.getAutoCommit()).isTrue();
		}
	}

	@Test
	void aRefusedStatementRunsNothing() throws Exception {
		List<String> calls = new ArrayList<>();
		DataSource watched = watched(this.dataSource, calls);
		assertThatIllegalArgumentException().isThrownBy(() -> new QueryExplainer((name) -> watched)
			.explain("select 1 as x$y$; insert into audit values (1); commit -- $y$", List.of(), "dataSource"));
		assertThat(calls).containsExactly("getMetaData", "close");
	}

	@Test
	void aStatementCutWhenRecordedIsRefusedAndRunsNothing() throws Exception {
		List<String> calls = new ArrayList<>();
		DataSource watched = watched(this.dataSource, calls);
		String sql = "select * from explain_item where id = ? or name = '" + "x".repeat(100) + "'";
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/", null, 10,
				new SqlTextLimit(40, String::toLowerCase));
		started.record(sql, List.of(1), 1, 0, 0, 1, 1, "dataSource", null, null);
		Recording recording = started.finish(200, null);
		QueryEvent event = recording.getQueries().get(0);
		assertThat(QueryExplainer.isExplainable(event)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new QueryExplainer((name) -> watched).explain(event))
			.withMessageContaining("cut to its first 40 of " + sql.length() + " characters")
			.withMessageContaining("querylens.capture.max-sql-length");
		assertThat(calls).isEmpty();
	}

	@Test
	void anExplainIsNeverRecorded() throws Exception {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/", null, 10);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			explainer().explain("select * from explain_item", List.of(), "dataSource");
		}
		assertThat(started.getQueryCount()).isZero();
	}

	@Test
	void anUnknownDataSourceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> explainer().explain("select 1", List.of(), "other"))
			.withMessageContaining("'other'");
	}

	@Test
	void aSelectRunsAgainReadOnlyAndGivesItsFirstRows() throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("insert into explain_item values (2, 'two', date '2026-01-06')");
			statement.execute("insert into explain_item values (3, 'three', date '2026-01-07')");
		}
		QueryRows rows = explainer().select("select id, name from explain_item where id >= ? order by id", List.of(1),
				"dataSource", 2);
		assertThat(rows.columns()).extracting((c) -> c.toLowerCase(Locale.ROOT)).containsExactly("id", "name");
		assertThat(rows.rows()).containsExactly(List.of("1", "one"), List.of("2", "two"));
		assertThat(rows.more()).isTrue();
		assertThat(
				explainer().select("select name from explain_item where id = ?", List.of(3), "dataSource", 50).rows())
			.containsExactly(List.of("three"));
		assertUnchanged("the selects");
	}

	@Test
	void aWriteIsNeverRunAgainAndTheDatabaseIsUnchanged() throws Exception {
		List<String> writes = new ArrayList<>(HostileStatements.REFUSED_EVERYWHERE);
		writes.addAll(List.of("delete from victim", "insert into audit values (1)", "update victim set id = 2",
				"select * from victim for update", "select * from victim where id = ? for update"));
		for (String sql : writes) {
			List<Object> parameters = sql.contains("?") ? List.of(1) : List.of();
			assertThatIllegalArgumentException().as(sql)
				.isThrownBy(() -> explainer().select(sql, parameters, "dataSource", 10))
				.withMessageContaining("single SELECT");
			assertUnchanged(sql);
		}
	}

	@Test
	void explainAnalyzeIsOfferedOnPostgresqlOnly() throws Exception {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/", null, 10);
		started.record("select * from explain_item", List.of(), 1, 0, 0, 1, 1, "dataSource", null, null);
		Recording recording = started.finish(200, null);
		QueryEvent event = recording.getQueries().get(0);
		if (database().equals("postgres")) {
			assertThat(explainer().canAnalyze(event)).isTrue();
			return;
		}
		assertThat(explainer().canAnalyze(event)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> explainer().analyze(event))
			.withMessageContaining("PostgreSQL only");
	}

	private void assertUnchanged(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(connection.getAutoCommit()).as("auto-commit after %s", sql).isTrue();
			assertThat(connection.isReadOnly()).as("read-only after %s", sql).isFalse();
			assertThat(count(statement, "victim")).as("rows of victim after %s", sql).isEqualTo(1);
			assertThat(count(statement, "audit")).as("rows of audit after %s", sql).isZero();
			assertThat(exists(connection, "newtable")).as("newtable after %s", sql).isFalse();
		}
	}

	private static int count(Statement statement, String table) throws SQLException {
		try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
			result.next();
			return result.getInt(1);
		}
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	// The real pool, with the calls made on its connections written down.
	private static DataSource watched(DataSource dataSource, List<String> calls) {
		return (DataSource) Proxy.newProxyInstance(QueryExplainerTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(method, dataSource, args);
					if (!(result instanceof Connection connection)) {
						return result;
					}
					return Proxy.newProxyInstance(QueryExplainerTests.class.getClassLoader(),
							new Class<?>[] { Connection.class }, (connectionProxy, call, callArgs) -> {
								if (!call.getName().startsWith("get") && !call.getName().startsWith("is")
										|| call.getName().equals("getMetaData")) {
									calls.add(call.getName()
											+ ((callArgs != null && callArgs.length == 1) ? " " + callArgs[0] : ""));
								}
								return invoke(call, connection, callArgs);
							});
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	QueryExplainer explainer() {
		DataSource raw = this.dataSource;
		return new QueryExplainer((name) -> name.equals("dataSource") ? raw : null);
	}

}
