package dev.querylens.jdbc;

import com.zaxxer.hikari.HikariConfig;

/**
 * Tests for {@link RecordingDataSource} on MariaDB, run when
 * {@code querylens.test.databases} lists {@code mariadb}.
 */
class RecordingDataSourceMariaDbTests extends AbstractRecordingDataSourceTests {

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
	Class<?> driverConnectionType() {
		return org.mariadb.jdbc.Connection.class;
	}

}
