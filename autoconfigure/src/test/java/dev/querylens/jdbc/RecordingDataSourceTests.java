package dev.querylens.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import com.example.orders.OrderLookup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link RecordingDataSource} on H2 in memory behind HikariCP.
 */
class RecordingDataSourceTests extends AbstractRecordingDataSourceTests {

	@Override
	String database() {
		return "h2";
	}

	@Override
	void configure(HikariConfig config) {
		config.setJdbcUrl("jdbc:h2:mem:querylens-jdbc;DB_CLOSE_DELAY=-1");
		config.setUsername("sa");
	}

	@Override
	Class<?> driverConnectionType() {
		return JdbcConnection.class;
	}

	@Test
	void aPrepareThatFailsIsRecordedWithoutATime() throws Exception {
		String sql = "selec id from " + this.table;
		Recording recording = record((connection) -> assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> connection.prepareStatement(sql)));
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo(sql);
			assertThat(query.failed()).isTrue();
			assertThat(query.durationNanos()).isZero();
			assertThat(query.error()).startsWith("org.h2.jdbc.JdbcSQLSyntaxErrorException: ");
		});
	}

	@Test
	void aConnectionThePoolCouldNotHandOutIsRecordedWithItsError() throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:querylens-exhausted;DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(1);
		config.setConnectionTimeout(250);
		try (HikariDataSource pool = new HikariDataSource(config); Connection held = pool.getConnection()) {
			RecordingDataSource dataSource = new RecordingDataSource(pool, "orders", settings(true, 200));
			Recording.Started started = startRecording();
			SQLException thrown;
			try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
				thrown = catchThrowableOfType(SQLException.class, dataSource::getConnection);
			}
			Recording recording = started.finish(0, null);
			// Hikari's own exception, whose message says how long it waited.
			assertThat((Throwable) thrown).isExactlyInstanceOf(SQLTransientConnectionException.class)
				.hasMessageContaining("Connection is not available, request timed out after");
			assertThat(recording.getConnectionCount()).isZero();
			assertThat(recording.getConnectionFailureCount()).isEqualTo(1);
			assertThat(recording.getConnectionFailures()).singleElement().satisfies((failure) -> {
				assertThat(failure.dataSource()).isEqualTo("orders");
				assertThat(failure.durationNanos()).isPositive();
				assertThat(failure.thread()).isEqualTo(Thread.currentThread().getName());
				assertThat(failure.error()).isEqualTo(thrown.getClass().getName() + ": " + thrown.getMessage());
			});
		}
	}

	@Test
	void aConnectionTakenWithCredentialsIsRecordedLikeAnyOtherAndItsFailureToo() throws Exception {
		org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
		h2.setURL(
				"jdbc:h2:mem:querylens-credentials;DB_CLOSE_DELAY=-1;INIT=create user if not exists shop password 'secret'");
		RecordingDataSource dataSource = new RecordingDataSource(h2, "orders", settings(true, 200));
		Recording.Started started = startRecording();
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			try (Connection connection = dataSource.getConnection("shop", "secret")) {
				assertThat(connection).isInstanceOf(RecordingConnection.class);
			}
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> dataSource.getConnection("shop", "wrong"));
		}
		Recording recording = started.finish(0, null);
		assertThat(recording.getConnectionCount()).isEqualTo(1);
		assertThat(recording.getConnectionFailureCount()).isEqualTo(1);
	}

	@Test
	void aConnectionFailureOutsideARecordingIsOnlyThrown() throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:querylens-exhausted-unrecorded;DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(1);
		config.setConnectionTimeout(250);
		try (HikariDataSource pool = new HikariDataSource(config); Connection held = pool.getConnection()) {
			RecordingDataSource dataSource = new RecordingDataSource(pool, "orders", settings(true, 200));
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(dataSource::getConnection);
		}
	}

	@Test
	void aRecordingConnectionHandedOnByAnotherRecordingDataSourceIsRecordedOnce() throws Exception {
		RecordingDataSource inner = new RecordingDataSource(this.pool, "pool", settings(true, 200));
		// A data source that only passes connections on, as a routing data source does,
		// and does not say so.
		DataSource passing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "getConnection" -> inner.getConnection();
					case "isWrapperFor" -> false;
					default -> throw new UnsupportedOperationException(method.getName());
				});
		RecordingDataSource outer = new RecordingDataSource(passing, "router", settings(true, 200));
		Recording.Started started = startRecording();
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started);
				Connection connection = outer.getConnection();
				PreparedStatement statement = connection.prepareStatement("select id from " + this.table)) {
			readAll(statement.executeQuery());
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.prepareStatement("selec 1"));
		}
		Recording recording = started.finish(0, null);
		assertThat(recording.getConnectionCount()).isEqualTo(1);
		assertThat(recording.getQueries()).extracting(QueryEvent::dataSource).containsExactly("pool", "pool");
	}

	@Test
	void aStatementHandedOnByAConnectionOverARecordingOneIsRecordedOnce() throws Exception {
		RecordingDataSource inner = new RecordingDataSource(this.pool, "pool", settings(true, 200));
		// A data source that hands out its own connections, lazily over the inner one's,
		// as
		// LazyConnectionDataSourceProxy does, and does not say it wraps a recorded one.
		DataSource lazy = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "getConnection" -> lazyConnection(inner);
					case "isWrapperFor" -> false;
					default -> throw new UnsupportedOperationException(method.getName());
				});
		RecordingDataSource outer = new RecordingDataSource(lazy, "lazy", settings(true, 200));
		Recording.Started started = startRecording();
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started);
				Connection connection = outer.getConnection()) {
			try (PreparedStatement statement = connection.prepareStatement("select id from " + this.table)) {
				readAll(statement.executeQuery());
			}
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.prepareStatement("selec 1"));
		}
		Recording recording = started.finish(0, null);
		assertThat(recording.getQueries()).extracting(QueryEvent::dataSource).containsExactly("pool", "pool");
	}

	private static Connection lazyConnection(DataSource target) {
		Connection[] connection = new Connection[1];
		return (Connection) Proxy.newProxyInstance(RecordingDataSourceTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close")) {
						if (connection[0] != null) {
							connection[0].close();
						}
						return null;
					}
					if (connection[0] == null) {
						connection[0] = target.getConnection();
					}
					try {
						return method.invoke(connection[0], arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void binaryValuesAreSizedByTheirBytes() throws Exception {
		Recording recording = record((connection) -> {
			try (Statement statement = connection.createStatement();
					ResultSet resultSet = statement
						.executeQuery("select cast(repeat('ab', 1000) as varbinary(2000)) as payload, id from "
								+ this.table + " order by id")) {
				resultSet.next();
				assertThat(resultSet.getBytes(1)).hasSize(2000);
				resultSet.next();
				assertThat(resultSet.getObject("payload")).isInstanceOf(byte[].class);
				resultSet.next();
				assertThat(resultSet.getObject(1, byte[].class)).hasSize(2000);
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.rows()).isEqualTo(3);
			assertThat(query.bytesRead()).isEqualTo(3 * 2000);
			assertThat(query.widestColumn()).isEqualToIgnoringCase("payload");
		});
	}

	@Test
	void callableStatementsAreRecorded() throws Exception {
		Recording recording = record((connection) -> {
			try (CallableStatement statement = connection.prepareCall("{call UPPER(?)}")) {
				statement.setString(1, "shop");
				try (ResultSet resultSet = statement.executeQuery()) {
					assertThat(resultSet.next()).isTrue();
					assertThat(resultSet.getString(1)).isEqualTo("SHOP");
				}
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.sql()).isEqualTo("{call UPPER(?)}");
			assertThat(query.parameters()).containsExactly("shop");
			assertThat(query.rows()).isEqualTo(1);
		});
	}

	@Test
	void longParametersAreTruncated() throws Exception {
		RecordingDataSource dataSource = new RecordingDataSource(this.pool, "short", settings(true, 5));
		Recording recording = record(dataSource, (connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("select count(*) from " + this.table + " where name = ?")) {
				statement.setString(1, "abcdefgh");
				statement.executeQuery().close();
			}
		});
		assertThat(recording.getQueries()).singleElement()
			.extracting(QueryEvent::parameters)
			.isEqualTo(List.of("abcde…"));
	}

	@Test
	void parametersAreNotCapturedWhenDisabled() throws Exception {
		RecordingDataSource dataSource = new RecordingDataSource(this.pool, "hidden", settings(false, 200));
		Recording recording = record(dataSource, (connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("select count(*) from " + this.table + " where id = ?")) {
				statement.setLong(1, 1);
				statement.executeQuery().close();
				statement.addBatch();
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.parameters()).isEmpty();
			assertThat(query.dataSource()).isEqualTo("hidden");
		});
	}

	@Test
	void parametersAreMadeSafeToShow() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement("select ?, ?, ?, ?, ?")) {
				statement.setBytes(1, new byte[] { 1, 2, 3 });
				statement.setNull(2, java.sql.Types.VARCHAR);
				statement.setBoolean(3, true);
				statement.setBinaryStream(4, new java.io.ByteArrayInputStream(new byte[] { 4 }));
				statement.setObject(5, java.time.LocalDate.of(2024, 2, 29));
				statement.executeQuery().close();
			}
		});
		assertThat(recording.getQueries()).singleElement()
			.extracting(QueryEvent::parameters)
			.isEqualTo(java.util.Arrays.asList("<3 bytes>", null, true, "<stream>", "2024-02-29"));
	}

	@Test
	void clearedParametersAreNotRecorded() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement("select ?")) {
				statement.setString(1, "first");
				statement.executeQuery().close();
				statement.clearParameters();
				statement.setInt(1, 2);
				statement.executeQuery().close();
			}
		});
		assertThat(recording.getQueries()).extracting(QueryEvent::parameters)
			.containsExactly(List.of("first"), List.of(2));
	}

	@Test
	void aBatchRecordsItsFirstSetOfParameters() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("update " + this.table + " set name = ? where id = ?")) {
				for (int id = 1; id <= 3; id++) {
					statement.setString(1, "v" + id);
					statement.setInt(2, id);
					statement.addBatch();
				}
				statement.executeBatch();
				statement.setString(1, "single");
				statement.setInt(2, 1);
				statement.executeUpdate();
			}
		});
		assertThat(recording.getQueries()).extracting(QueryEvent::parameters, QueryEvent::batchSize, QueryEvent::rows)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("v1", 1), 3, 3L),
					org.assertj.core.groups.Tuple.tuple(List.of("single", 1), 1, 1L));
	}

	@Test
	void aFailingBatchIsRecordedOnceAsFailed() throws Exception {
		Recording recording = record((connection) -> {
			try (PreparedStatement statement = connection
				.prepareStatement("insert into " + this.table + " (id, name) values (?, ?)")) {
				statement.setInt(1, 1);
				statement.setString(2, "duplicate key");
				statement.addBatch();
				statement.setInt(1, 50);
				statement.addBatch();
				try {
					statement.executeBatch();
				}
				catch (java.sql.BatchUpdateException ex) {
					// The duplicate key is the point of the test.
				}
			}
		});
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.batchSize()).isEqualTo(2);
			assertThat(query.error()).contains("BatchUpdateException: ");
		});
	}

	@Test
	void callSitesAreResolvedWhenAsked() throws Exception {
		RecordingDataSource dataSource = new RecordingDataSource(this.pool, "dataSource",
				new JdbcCaptureSettings(true, 200, new CallSiteResolver(CallSiteMode.FIRST_APP_FRAME, List.of())));
		Recording recording = record(dataSource,
				(connection) -> assertThat(OrderLookup.findName(connection, this.table, 1)).isEqualTo("a"));
		assertThat(recording.getQueries()).singleElement().satisfies((query) -> {
			assertThat(query.callSite()).isNotNull();
			assertThat(query.callSite().className()).isEqualTo(OrderLookup.class.getName());
			assertThat(query.callSite().methodName()).isEqualTo("findName");
		});
	}

	@Test
	void callSitesAreNotResolvedWhenOff() throws Exception {
		Recording recording = record((connection) -> OrderLookup.findName(connection, this.table, 1));
		assertThat(recording.getQueries()).singleElement().extracting(QueryEvent::callSite).isNull();
	}

	@Test
	void aConnectionAcquiredBeforeTheRecordingRecordsItsQueries() throws Exception {
		Recording.Started started = startRecording();
		try (Connection connection = this.dataSource.getConnection()) {
			try (CurrentRecording.Scope scope = CurrentRecording.bind(started);
					Statement statement = connection.createStatement()) {
				statement.executeQuery("select 1").close();
			}
		}
		Recording recording = started.finish(0, null);
		assertThat(recording.getQueries()).singleElement().extracting(QueryEvent::sql).isEqualTo("select 1");
	}

	@Test
	void aStatementRecordsIntoTheRecordingItWasCreatedIn() throws Exception {
		Recording.Started started = startRecording();
		try (Connection connection = this.dataSource.getConnection()) {
			Statement statement;
			try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
				statement = connection.createStatement();
			}
			statement.executeQuery("select 1").close();
			statement.close();
		}
		Recording recording = started.finish(0, null);
		assertThat(recording.getQueries()).hasSize(1);
	}

	@Test
	void aRecordingDataSourceIsNotWrappedTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecordingDataSource(this.dataSource, "again"));
	}

	@Test
	void generatedKeysLeadBackToTheirStatement() throws Exception {
		record((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(
					"insert into " + this.table + " (id, name) values (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
				statement.setInt(1, 70);
				statement.setString(2, "k");
				statement.executeUpdate();
				try (ResultSet keys = statement.getGeneratedKeys()) {
					assertThat(keys.getStatement()).isSameAs(statement);
				}
			}
		});
	}

}
