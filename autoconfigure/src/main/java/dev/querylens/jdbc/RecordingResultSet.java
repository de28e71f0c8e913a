package dev.querylens.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A {@link ResultSet} that counts the rows the application reads and the size of the text
 * and binary values it reads from them, and adds both to its query when it is closed or
 * read to the end, or when its statement closes or runs again.
 * <p>
 * A value is sized by what the driver already returned: a string's length, a byte array's
 * length. LOBs and streams are not sized, since asking a LOB locator its length may cost
 * a round trip and sizing a stream means wrapping it.
 */
final class RecordingResultSet extends DelegatingResultSet {

	// A column is named, with one metadata call when the counts are reported, only when
	// one of its values reached
	// this length: the call is not spent on result sets of ordinary columns, and a
	// WIDE_ROWS finding without a
	// named column still gives the size read.
	static final int NAMED_VALUE_LENGTH = 1024;

	private final RecordingStatement statement;

	private final int index;

	private long rows;

	private long bytes;

	// The largest single value read and its column, so the wide column can be named
	// later. By index only: a label
	// field would widen every result set for the rare read by label, which is turned into
	// an index instead.
	private int widestLength;

	private int widestIndex;

	RecordingResultSet(ResultSet delegate, RecordingStatement statement, int index) {
		super(delegate);
		this.statement = statement;
		this.index = index;
	}

	void flush() {
		long rows = this.rows;
		long bytes = this.bytes;
		if (rows > 0 || bytes > 0) {
			this.rows = 0;
			this.bytes = 0;
			this.statement.addRead(this.index, rows, bytes, widestColumn());
		}
	}

	private String widestColumn() {
		if (this.widestLength < NAMED_VALUE_LENGTH) {
			return null;
		}
		this.widestLength = 0;
		if (this.widestIndex < 1) {
			return null;
		}
		try {
			return this.delegate.getMetaData().getColumnLabel(this.widestIndex);
		}
		catch (SQLException | RuntimeException ex) {
			return null;
		}
	}

	private void read(int columnIndex, int length) {
		this.bytes += length;
		if (length > this.widestLength) {
			this.widestLength = length;
			this.widestIndex = columnIndex;
		}
	}

	private void read(String columnLabel, int length) {
		this.bytes += length;
		if (length > this.widestLength) {
			this.widestLength = length;
			this.widestIndex = columnIndex(columnLabel);
		}
	}

	private int columnIndex(String columnLabel) {
		try {
			return this.delegate.findColumn(columnLabel);
		}
		catch (SQLException | RuntimeException ex) {
			return 0;
		}
	}

	private void read(int columnIndex, Object value) {
		if (value instanceof String text) {
			read(columnIndex, text.length());
		}
		else if (value instanceof byte[] binary) {
			read(columnIndex, binary.length);
		}
	}

	private void read(String columnLabel, Object value) {
		if (value instanceof String text) {
			read(columnLabel, text.length());
		}
		else if (value instanceof byte[] binary) {
			read(columnLabel, binary.length);
		}
	}

	@Override
	public boolean next() throws SQLException {
		boolean hasRow = this.delegate.next();
		if (hasRow) {
			this.rows++;
		}
		else {
			flush();
		}
		return hasRow;
	}

	@Override
	public void close() throws SQLException {
		flush();
		this.delegate.close();
	}

	@Override
	public Statement getStatement() {
		return this.statement;
	}

	@Override
	public String getString(int columnIndex) throws SQLException {
		String value = this.delegate.getString(columnIndex);
		if (value != null) {
			read(columnIndex, value.length());
		}
		return value;
	}

	@Override
	public byte[] getBytes(int columnIndex) throws SQLException {
		byte[] value = this.delegate.getBytes(columnIndex);
		if (value != null) {
			read(columnIndex, value.length);
		}
		return value;
	}

	@Override
	public String getString(String columnLabel) throws SQLException {
		String value = this.delegate.getString(columnLabel);
		if (value != null) {
			read(columnLabel, value.length());
		}
		return value;
	}

	@Override
	public byte[] getBytes(String columnLabel) throws SQLException {
		byte[] value = this.delegate.getBytes(columnLabel);
		if (value != null) {
			read(columnLabel, value.length);
		}
		return value;
	}

	@Override
	public Object getObject(int columnIndex) throws SQLException {
		Object value = this.delegate.getObject(columnIndex);
		read(columnIndex, value);
		return value;
	}

	@Override
	public Object getObject(String columnLabel) throws SQLException {
		Object value = this.delegate.getObject(columnLabel);
		read(columnLabel, value);
		return value;
	}

	@Override
	public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
		Object value = this.delegate.getObject(columnIndex, map);
		read(columnIndex, value);
		return value;
	}

	@Override
	public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
		Object value = this.delegate.getObject(columnLabel, map);
		read(columnLabel, value);
		return value;
	}

	@Override
	public String getNString(int columnIndex) throws SQLException {
		String value = this.delegate.getNString(columnIndex);
		if (value != null) {
			read(columnIndex, value.length());
		}
		return value;
	}

	@Override
	public String getNString(String columnLabel) throws SQLException {
		String value = this.delegate.getNString(columnLabel);
		if (value != null) {
			read(columnLabel, value.length());
		}
		return value;
	}

	@Override
	public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
		T value = this.delegate.getObject(columnIndex, type);
		read(columnIndex, value);
		return value;
	}

	@Override
	public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
		T value = this.delegate.getObject(columnLabel, type);
		read(columnLabel, value);
		return value;
	}

}
