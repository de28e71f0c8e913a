package dev.querylens.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * The {@link DatabaseMetaData} of a {@link RecordingConnection}, so that
 * {@link #getConnection()} returns the wrapper the application holds rather than the
 * driver's connection. Its result sets are the driver's: reading metadata is not a query
 * of a recording.
 */
final class RecordingDatabaseMetaData extends DelegatingDatabaseMetaData {

	private final RecordingConnection connection;

	RecordingDatabaseMetaData(DatabaseMetaData delegate, RecordingConnection connection) {
		super(delegate);
		this.connection = connection;
	}

	@Override
	public Connection getConnection() {
		return this.connection;
	}

}
