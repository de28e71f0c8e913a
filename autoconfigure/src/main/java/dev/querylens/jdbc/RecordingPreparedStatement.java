package dev.querylens.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

import dev.querylens.capture.Recording;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PreparedStatement} bound to a recording, which also keeps the values bound to
 * its parameters so that each query is recorded with them.
 */
class RecordingPreparedStatement extends DelegatingPreparedStatement {

	private final String sql;

	// Null when parameters are not captured.
	private final BoundParameters parameters;

	// The first set of values of the pending batch, copied once at its first addBatch().
	private List<Object> batchParameters = Collections.emptyList();

	RecordingPreparedStatement(PreparedStatement delegate, String sql, RecordingConnection connection,
			Recording.@Nullable Started recording) {
		super(delegate, connection, recording);
		this.sql = sql;
		this.parameters = (recording != null && connection.settings.parameters())
				? new BoundParameters(connection.settings.maxParameterLength()) : null;
	}

	@Override
	final List<Object> parameters(boolean batch) {
		if (batch) {
			return this.batchParameters;
		}
		return (this.parameters != null) ? this.parameters.toList() : Collections.emptyList();
	}

	@Override
	final String batchSql() {
		return this.sql;
	}

	@Override
	final void clearBatchState() {
		this.batchSize = 0;
		this.batchParameters = Collections.emptyList();
	}

	// Keeps a value bound to a parameter, when values are captured. The primitive setters
	// test first instead, so
	// that a value is boxed only to be kept.
	private void bound(int parameterIndex, @Nullable Object value) {
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, value);
		}
	}

	@Override
	public ResultSet executeQuery() throws SQLException {
		return query(executeAndRecord(this.prepared, this.sql, 0, (statement, sql) -> statement.executeQuery()));
	}

	@Override
	public int executeUpdate() throws SQLException {
		return executeAndRecord(this.prepared, this.sql, 0, (statement, sql) -> statement.executeUpdate());
	}

	@Override
	public long executeLargeUpdate() throws SQLException {
		return executeAndRecord(this.prepared, this.sql, 0, (statement, sql) -> statement.executeLargeUpdate());
	}

	@Override
	public boolean execute() throws SQLException {
		return executed(executeAndRecord(this.prepared, this.sql, 0, (statement, sql) -> statement.execute()));
	}

	@Override
	public void addBatch() throws SQLException {
		this.prepared.addBatch();
		if (this.batchSize++ == 0 && this.parameters != null) {
			try {
				this.batchParameters = this.parameters.toList();
			}
			catch (RuntimeException ex) {
				FailureLog.logOnce(ex);
			}
		}
	}

	@Override
	public void clearParameters() throws SQLException {
		this.prepared.clearParameters();
		if (this.parameters != null) {
			this.parameters.clear();
		}
	}

	@Override
	public void setNull(int parameterIndex, int sqlType) throws SQLException {
		this.prepared.setNull(parameterIndex, sqlType);
		bound(parameterIndex, null);
	}

	@Override
	public void setBoolean(int parameterIndex, boolean x) throws SQLException {
		this.prepared.setBoolean(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setByte(int parameterIndex, byte x) throws SQLException {
		this.prepared.setByte(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setShort(int parameterIndex, short x) throws SQLException {
		this.prepared.setShort(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setInt(int parameterIndex, int x) throws SQLException {
		this.prepared.setInt(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setLong(int parameterIndex, long x) throws SQLException {
		this.prepared.setLong(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setFloat(int parameterIndex, float x) throws SQLException {
		this.prepared.setFloat(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setDouble(int parameterIndex, double x) throws SQLException {
		this.prepared.setDouble(parameterIndex, x);
		if (this.parameters != null) {
			this.parameters.set(parameterIndex, x);
		}
	}

	@Override
	public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
		this.prepared.setBigDecimal(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setString(int parameterIndex, String x) throws SQLException {
		this.prepared.setString(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setBytes(int parameterIndex, byte[] x) throws SQLException {
		this.prepared.setBytes(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setDate(int parameterIndex, Date x) throws SQLException {
		this.prepared.setDate(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setTime(int parameterIndex, Time x) throws SQLException {
		this.prepared.setTime(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
		this.prepared.setTimestamp(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
		this.prepared.setAsciiStream(parameterIndex, x, length);
		bound(parameterIndex, x);
	}

	@Override
	public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
		this.prepared.setUnicodeStream(parameterIndex, x, length);
		bound(parameterIndex, x);
	}

	@Override
	public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
		this.prepared.setBinaryStream(parameterIndex, x, length);
		bound(parameterIndex, x);
	}

	@Override
	public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
		this.prepared.setObject(parameterIndex, x, targetSqlType);
		bound(parameterIndex, x);
	}

	@Override
	public void setObject(int parameterIndex, Object x) throws SQLException {
		this.prepared.setObject(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
		this.prepared.setCharacterStream(parameterIndex, reader, length);
		bound(parameterIndex, reader);
	}

	@Override
	public void setRef(int parameterIndex, Ref x) throws SQLException {
		this.prepared.setRef(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setBlob(int parameterIndex, Blob x) throws SQLException {
		this.prepared.setBlob(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setClob(int parameterIndex, Clob x) throws SQLException {
		this.prepared.setClob(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setArray(int parameterIndex, Array x) throws SQLException {
		this.prepared.setArray(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
		this.prepared.setDate(parameterIndex, x, cal);
		bound(parameterIndex, x);
	}

	@Override
	public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
		this.prepared.setTime(parameterIndex, x, cal);
		bound(parameterIndex, x);
	}

	@Override
	public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
		this.prepared.setTimestamp(parameterIndex, x, cal);
		bound(parameterIndex, x);
	}

	@Override
	public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
		this.prepared.setNull(parameterIndex, sqlType, typeName);
		bound(parameterIndex, null);
	}

	@Override
	public void setURL(int parameterIndex, URL x) throws SQLException {
		this.prepared.setURL(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setRowId(int parameterIndex, RowId x) throws SQLException {
		this.prepared.setRowId(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setNString(int parameterIndex, String value) throws SQLException {
		this.prepared.setNString(parameterIndex, value);
		bound(parameterIndex, value);
	}

	@Override
	public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
		this.prepared.setNCharacterStream(parameterIndex, value, length);
		bound(parameterIndex, value);
	}

	@Override
	public void setNClob(int parameterIndex, NClob value) throws SQLException {
		this.prepared.setNClob(parameterIndex, value);
		bound(parameterIndex, value);
	}

	@Override
	public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
		this.prepared.setClob(parameterIndex, reader, length);
		bound(parameterIndex, reader);
	}

	@Override
	public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
		this.prepared.setBlob(parameterIndex, inputStream, length);
		bound(parameterIndex, inputStream);
	}

	@Override
	public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
		this.prepared.setNClob(parameterIndex, reader, length);
		bound(parameterIndex, reader);
	}

	@Override
	public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
		this.prepared.setSQLXML(parameterIndex, xmlObject);
		bound(parameterIndex, xmlObject);
	}

	@Override
	public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
		this.prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
		bound(parameterIndex, x);
	}

	@Override
	public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
		this.prepared.setAsciiStream(parameterIndex, x, length);
		bound(parameterIndex, x);
	}

	@Override
	public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
		this.prepared.setBinaryStream(parameterIndex, x, length);
		bound(parameterIndex, x);
	}

	@Override
	public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
		this.prepared.setCharacterStream(parameterIndex, reader, length);
		bound(parameterIndex, reader);
	}

	@Override
	public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
		this.prepared.setAsciiStream(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
		this.prepared.setBinaryStream(parameterIndex, x);
		bound(parameterIndex, x);
	}

	@Override
	public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
		this.prepared.setCharacterStream(parameterIndex, reader);
		bound(parameterIndex, reader);
	}

	@Override
	public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
		this.prepared.setNCharacterStream(parameterIndex, value);
		bound(parameterIndex, value);
	}

	@Override
	public void setClob(int parameterIndex, Reader reader) throws SQLException {
		this.prepared.setClob(parameterIndex, reader);
		bound(parameterIndex, reader);
	}

	@Override
	public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
		this.prepared.setBlob(parameterIndex, inputStream);
		bound(parameterIndex, inputStream);
	}

	@Override
	public void setNClob(int parameterIndex, Reader reader) throws SQLException {
		this.prepared.setNClob(parameterIndex, reader);
		bound(parameterIndex, reader);
	}

	@Override
	public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
		this.prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
		bound(parameterIndex, x);
	}

	@Override
	public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
		this.prepared.setObject(parameterIndex, x, targetSqlType);
		bound(parameterIndex, x);
	}

}
