package dev.querylens.jdbc;

import com.zaxxer.hikari.HikariConfig;
import org.postgresql.PGConnection;

/**
 * Tests for {@link RecordingDataSource} on PostgreSQL, run when
 * {@code querylens.test.databases} lists {@code postgres}.
 */
class RecordingDataSourcePostgresTests extends AbstractRecordingDataSourceTests {

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
	Class<?> driverConnectionType() {
		return PGConnection.class;
	}

}
