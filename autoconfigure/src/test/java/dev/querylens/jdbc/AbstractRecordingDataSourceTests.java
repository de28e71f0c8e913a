package dev.querylens.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The checks every database must pass behind a {@link RecordingDataSource} over HikariCP.
 * A subclass names its database, which runs only when the
 * {@code querylens.test.databases} system property lists it, and then fails if the
 * database cannot be reached.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractRecordingDataSourceTests {

	HikariDataSource pool;

	RecordingDataSource dataSource;

	// Unique per run, so test classes and builds sharing a database server never meet.
	String table;

	/**
	 * Returns the database's name in {@code querylens.test.databases}.
	 * @return {@code h2}, {@code postgres} or {@code mariadb}
	 */
	abstract String database();

	abstract void configure(HikariConfig config);

	/**
	 * Returns a type of the driver's own connections, which {@code unwrap} must reach.
	 * @return the driver's connection type
	 */
	abstract Class<?> driverConnectionType();

	/**
	 * Returns the rows a batch of three inserts reports: drivers that cannot tell report
	 * none.
	 * @return the expected rows
	 */
	long rowsOfABatchOfThreeInserts() {
		return 3;
	}

	@BeforeAll
	void createTable() throws SQLException {
		String databases = System.getProperty("querylens.test.databases", "h2");
		assumeTrue(Arrays.stream(databases.split(",")).map(String::trim).anyMatch(database()::equals),
				() -> database() + " is not listed in querylens.test.databases=" + databases);
		HikariConfig config = new HikariConfig();
		config.setMaximumPoolSize(4);
		config.setPoolName("querylens-" + database());
		configure(config);
		this.pool = new HikariDataSource(config);
		this.dataSource = new RecordingDataSource(this.pool, "dataSource", settings(true, 200));
		this.table = "ql_jdbc_" + database() + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table " + this.table + " (id bigint primary key, name varchar(200))");
		}
	}

	@BeforeEach
	void insertThreeRows() throws SQLException {
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("delete from " + this.table);
			statement.executeUpdate("insert into " + this.table + " (id, name) values (1, 'a'), (2, 'b'), (3, 'c')");
		}
	}

	@AfterAll
	void dropTable() throws SQLException {
		if (this.pool == null) {
			return;
		}
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop table " + this.table);
		}
		finally {
			this.pool.close();
		}
	}

	static JdbcCaptureSettings settings(boolean parameters, int maxParameterLength) {
		return new JdbcCaptureSettings(parameters, maxParameterLength,
				new CallSiteResolver(CallSiteMode.NONE, List.of()));
	}

	static Recording.Started startRecording() {
		return Recording.start(Kind.TEST, null, "test", null, 1000);
	}

	/**
	 * Runs work on a connection of the data source with a recording bound, and finishes
	 * it.
	 * @param dataSource the data source to take the connection from
	 * @param work what to run
	 * @return the finished recording
	 * @throws Exception when the work fails
	 */
	static Recording record(RecordingDataSource dataSource, Work work) throws Exception {
		Recording.Started started = startRecording();
		try (Connection connection = dataSource.getConnection();
				CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			work.run(connection);
		}
		Recording recording = started.finish(0, null);
		return recording;
	}

	Recording record(Work work) throws Exception {
		return record(this.dataSource, work);
	}

	static long readAll(ResultSet resultSet) throws SQLException {
		long rows = 0;
		while (resultSet.next()) {
			rows++;
		}
		return rows;
	}

	@Test
	void queriesOutsideARecordingAreNotRecorded() throws Exception {
		Recording.Started started = startRecording();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("select * from " + this.table)) {
			assertThat(statement.getConnection()).isSameAs(connection);
			try (ResultSet resultSet = statement.executeQuery()) {
				assertThat(resultSet.getStatement()).isSameAs(statement);
				assertThat(readAll(resultSet)).isEqualTo(3);
			}
		}
		Recording recording = started.finish(0, null);
		assertThat(recording.getQueries()).isEmpty();
		assertThat(recording.getQueryCount()).isZero();
	}

	@Test
	void unwrapReachesThePool() throws Exception {
		assertThat(this.dataSource.unwrap(HikariDataSource.class)).isSameAs(this.pool);
		assertThat(this.dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
		assertThat(this.dataSource.unwrap(RecordingDataSource.class)).isSameAs(this.dataSource);
		record((connection) -> {
			assertThat(connection.isWrapperFor(driverConnectionType())).isTrue();
			assertThat(connection.unwrap(driverConnectionType())).isInstanceOf(driverConnectionType());
			try (Statement statement = connection.createStatement()) {
				assertThat(statement.unwrap(Statement.class)).isSameAs(statement);
				assertThat(statement.isWrapperFor(RecordingStatement.class)).isTrue();
			}
		});
	}

	@Test
	void statementsAndResultSetsLeadBackToTheirWrappers() throws Exception {
		record((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement("select id from " + this.table);
					ResultSet resultSet = statement.executeQuery()) {
				assertThat(statement.getConnection()).isSameAs(connection);
				assertThat(resultSet.getStatement()).isSameAs(statement);
			}
		});
	}

	@Test
	void wrappersLeadBackToTheirWrappersInsideARecording() throws Exception {
		record(this::assertWrappersLeadBack);
	}

	@Test
	void wrappersLeadBackToTheirWrappersOutsideARecording() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertWrappersLeadBack(connection);
		}
	}

	private void assertWrappersLeadBack(Connection connection) throws SQLException {
		assertThat(connection.getMetaData().getConnection()).isSameAs(connection);
		try (Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("select id from " + this.table)) {
			assertThat(statement.getConnection()).isSameAs(connection);
			assertThat(resultSet.getStatement()).isSameAs(statement);
		}
		try (PreparedStatement statement = connection.prepareStatement("select id from " + this.table);
				ResultSet resultSet = statement.executeQuery()) {
			assertThat(statement.getConnection()).isSameAs(connection);
			assertThat(resultSet.getStatement()).isSameAs(statement);
			assertThat(statement.unwrap(PreparedStatement.class)).isSameAs(statement);
		}
	}

	@Test
	void parametersAreRecordedInOrder() throws Exception {
		String sql = "select id, name from " + this.table + " where id = ? and name = ?";
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setLong(1, 2);
				statement.setString(2, "b");
				try (ResultSet resultSet = statement.executeQuery()) {
					assertThat(readAll(resultSet)).isEqualTo(1);
				}
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo(sql);
			assertThat(query.parameters()).containsExactly(2L, "b");
			assertThat(query.batchSize()).isEqualTo(1);
			assertThat(query.rows()).isEqualTo(1);
			assertThat(query.dataSource()).isEqualTo("dataSource");
			assertThat(query.error()).isNull();
			assertThat(query.durationNanos()).isPositive();
		});
	}

	@Test
	void rowsReadAreCounted() throws Exception {
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement()) {
				try (ResultSet resultSet = statement.executeQuery("select id from " + this.table)) {
					readAll(resultSet);
				}
				try (ResultSet resultSet = statement.executeQuery("select id from " + this.table + " order by id")) {
					resultSet.next();
					resultSet.next();
				}
			}
		});
		assertThat(recording.getQueries()).extracting(QueryEvent::rows).containsExactly(3L, 2L);
	}

	@Test
	void textValuesReadAreSizedAndTheWidestColumnIsNamed() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("select id, name, repeat('x', 3000) as body from " + this.table + " order by id");
					ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					resultSet.getLong(1);
					resultSet.getString(2);
					assertThat(resultSet.getString(3)).hasSize(3000);
				}
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.rows()).isEqualTo(3);
			assertThat(query.bytesRead()).isEqualTo(3 + 3 * 3000);
			assertThat(query.widestColumn()).isEqualToIgnoringCase("body");
		});
	}

	@Test
	void narrowValuesAreSizedWithoutNamingAColumn() throws Exception {
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement();
					ResultSet resultSet = statement.executeQuery("select id, name from " + this.table)) {
				while (resultSet.next()) {
					resultSet.getLong("id");
					assertThat(resultSet.getObject("name")).isInstanceOf(String.class);
				}
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.rows()).isEqualTo(3);
			assertThat(query.bytesRead()).isEqualTo(3);
			assertThat(query.widestColumn()).isNull();
		});
	}

	@Test
	void aWideValueReadByLabelIsNamed() throws Exception {
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement();
					ResultSet resultSet = statement
						.executeQuery("select id, repeat('y', 2000) as body from " + this.table + " order by id")) {
				while (resultSet.next()) {
					resultSet.getObject("body");
				}
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.bytesRead()).isEqualTo(3 * 2000);
			assertThat(query.widestColumn()).isEqualToIgnoringCase("body");
		});
	}

	@Test
	void valuesNotReadAreNotSized() throws Exception {
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement();
					ResultSet resultSet = statement.executeQuery("select id, name from " + this.table)) {
				readAll(resultSet);
			}
		});
		assertThat(recording.getQueries()).singleElement().extracting(QueryEvent::bytesRead).isEqualTo(0L);
	}

	@Test
	void rowsAreCountedWhenOnlyTheStatementIsClosed() throws Exception {
		Recording recording = record((connection) -> {
			PreparedStatement statement = connection.prepareStatement("select id from " + this.table + " order by id");
			ResultSet resultSet = statement.executeQuery();
			resultSet.next();
			statement.close();
		});
		assertThat(recording.getQueries()).singleElement().extracting(QueryEvent::rows).isEqualTo(1L);
	}

	@Test
	void executeThatReturnsAResultSetCountsItsRows() throws Exception {
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement()) {
				assertThat(statement.execute("select id from " + this.table)).isTrue();
				try (ResultSet resultSet = statement.getResultSet()) {
					assertThat(resultSet.getStatement()).isSameAs(statement);
					readAll(resultSet);
				}
				assertThat(statement.execute("update " + this.table + " set name = 'x' where id < 3")).isFalse();
				assertThat(statement.getUpdateCount()).isEqualTo(2);
			}
		});
		assertThat(recording.getQueries()).extracting(QueryEvent::rows).containsExactly(3L, 2L);
	}

	@Test
	void updatesReportTheirUpdateCount() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("update " + this.table + " set name = ? where id <= ?")) {
				statement.setString(1, "z");
				statement.setInt(2, 2);
				assertThat(statement.executeUpdate()).isEqualTo(2);
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.rows()).isEqualTo(2);
			assertThat(query.parameters()).containsExactly("z", 2);
		});
	}

	@Test
	void executeLargeUpdateIsRecorded() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("delete from " + this.table + " where id = ?")) {
				statement.setLong(1, 3);
				assertThat(statement.executeLargeUpdate()).isEqualTo(1);
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).startsWith("delete from");
			assertThat(query.rows()).isEqualTo(1);
			assertThat(query.parameters()).containsExactly(3L);
		});
	}

	@Test
	void batchInsertsReportTheBatchSize() throws Exception {
		String sql = "insert into " + this.table + " (id, name) values (?, ?)";
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int id = 10; id < 13; id++) {
					statement.setInt(1, id);
					statement.setString(2, "n" + id);
					statement.addBatch();
				}
				assertThat(statement.executeBatch()).hasSize(3);
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo(sql);
			assertThat(query.batchSize()).isEqualTo(3);
			assertThat(query.parameters()).containsExactly(10, "n10");
			assertThat(query.rows()).isEqualTo(rowsOfABatchOfThreeInserts());
		});
		assertThat(recording.getQueryCount()).isEqualTo(1);
	}

	@Test
	void plainStatementBatchesRecordTheirStatementsTogether() throws Exception {
		String first = "update " + this.table + " set name = 'p' where id = 1";
		String second = "delete from " + this.table + " where id = 2";
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.addBatch(first);
				statement.addBatch(second);
				statement.executeBatch();
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo(first + ";\n" + second);
			assertThat(query.batchSize()).isEqualTo(2);
			assertThat(query.parameters()).isEmpty();
		});
	}

	@Test
	void aFailingStatementsExceptionReachesTheAppUnchangedAndIsRecordedAsFailed() throws Exception {
		String sql = "select * from ql_jdbc_no_such_table";
		SQLException expected;
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			expected = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sql));
		}
		SQLException[] thrown = new SQLException[1];
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement()) {
				thrown[0] = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sql));
			}
		});
		assertThat((Throwable) thrown[0]).isNotNull().hasSameClassAs(expected).hasMessage(expected.getMessage());
		assertThat(thrown[0].getSQLState()).isEqualTo(expected.getSQLState());
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo(sql);
			assertThat(query.failed()).isTrue();
			assertThat(query.error()).isEqualTo(expected.getClass().getName() + ": " + expected.getMessage());
		});
	}

	@Test
	void aStatementThatFailsWhereverTheDriverRefusesItIsRecordedOnceAsFailed() throws Exception {
		// H2 refuses it in prepareStatement, PostgreSQL and MariaDB's client-side prepare
		// only when it runs.
		String sql = "select * from ql_jdbc_no_such_table where id = ?";
		SQLException expected;
		try (Connection connection = this.pool.getConnection()) {
			expected = catchThrowableOfType(SQLException.class, () -> {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setInt(1, 1);
					statement.executeQuery();
				}
			});
		}
		SQLException[] thrown = new SQLException[1];
		Recording recording = record((connection) -> thrown[0] = catchThrowableOfType(SQLException.class, () -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setInt(1, 1);
				statement.executeQuery();
			}
		}));
		assertThat((Throwable) thrown[0]).isNotNull().hasSameClassAs(expected).hasMessage(expected.getMessage());
		assertThat(recording.getQueryCount()).isEqualTo(1);
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo(sql);
			assertThat(query.dataSource()).isEqualTo("dataSource");
			assertThat(query.error()).isEqualTo(expected.getClass().getName() + ": " + expected.getMessage());
		});
	}

	@Test
	void connectionIdsDistinguishConnections() throws Exception {
		String sql = "select id from " + this.table + " where id = 1";
		Recording.Started started = startRecording();
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started);
				Connection first = this.dataSource.getConnection();
				Connection second = this.dataSource.getConnection()) {
			for (Connection connection : List.of(first, second, first)) {
				try (Statement statement = connection.createStatement()) {
					statement.executeQuery(sql).close();
				}
			}
		}
		Recording recording = started.finish(0, null);
		List<Integer> ids = recording.getQueries().stream().map(QueryEvent::connectionId).toList();
		assertThat(ids).hasSize(3);
		assertThat(ids.get(0)).isNotEqualTo(ids.get(1)).isEqualTo(ids.get(2));
	}

	@Test
	void connectionsTakenDuringARecordingAreCountedWithTheTimeTheyTook() throws Exception {
		this.dataSource.getConnection().close();
		Recording.Started started = startRecording();
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			this.dataSource.getConnection().close();
			this.dataSource.getConnection().close();
		}
		this.dataSource.getConnection().close();
		Recording recording = started.finish(0, null);
		assertThat(recording.getConnectionCount()).isEqualTo(2);
		assertThat(recording.getConnectionAcquireNanos()).isPositive();
	}

	/**
	 * Work done on a connection while a recording is bound.
	 */
	@FunctionalInterface
	interface Work {

		void run(Connection connection) throws Exception;

	}

}
