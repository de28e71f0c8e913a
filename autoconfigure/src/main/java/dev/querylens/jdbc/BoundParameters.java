package dev.querylens.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The values bound to a prepared statement's parameters, kept as the application passed
 * them and made safe to show only when the statement is recorded.
 */
final class BoundParameters {

	// Small, since most statements bind few values; the array doubles when one binds
	// more.
	private static final int INITIAL_CAPACITY = 4;

	private static final String STREAM = "<stream>";

	private final int maxLength;

	// Reused across executions of the statement, as JDBC keeps bound values until
	// cleared.
	private Object[] values;

	private int count;

	BoundParameters(int maxLength) {
		this.maxLength = maxLength;
	}

	void set(int parameterIndex, Object value) {
		if (parameterIndex < 1) {
			return;
		}
		Object[] values = this.values;
		if (values == null) {
			values = new Object[Math.max(INITIAL_CAPACITY, parameterIndex)];
			this.values = values;
		}
		else if (parameterIndex > values.length) {
			values = Arrays.copyOf(values, Math.max(parameterIndex, values.length * 2));
			this.values = values;
		}
		values[parameterIndex - 1] = value;
		if (parameterIndex > this.count) {
			this.count = parameterIndex;
		}
	}

	void clear() {
		if (this.values != null) {
			Arrays.fill(this.values, 0, this.count, null);
		}
		this.count = 0;
	}

	/**
	 * Returns the values bound now, in order, made safe to show.
	 * @return a list that does not change when the statement is bound again
	 */
	List<Object> toList() {
		int count = this.count;
		if (count == 0) {
			return Collections.emptyList();
		}
		if (count == 1) {
			return Collections.singletonList(toShowable(this.values[0], this.maxLength));
		}
		Object[] shown = new Object[count];
		for (int i = 0; i < count; i++) {
			shown[i] = toShowable(this.values[i], this.maxLength);
		}
		return new ParameterList(shown);
	}

	/**
	 * Turns a bound value into a string, number, boolean or {@code null} that can be
	 * shown and kept without holding on to the application's objects.
	 * @param value the value as bound
	 * @param maxLength characters of text to keep
	 * @return the value to show
	 */
	static Object toShowable(Object value, int maxLength) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof String string) {
			return truncate(string, maxLength);
		}
		if (value instanceof byte[] bytes) {
			return "<" + bytes.length + " bytes>";
		}
		if (value instanceof InputStream || value instanceof Reader || value instanceof Blob || value instanceof Clob
				|| value instanceof SQLXML) {
			return STREAM;
		}
		try {
			// The keys of a batch fetch (`= any (?)` on PostgreSQL and H2) are an array:
			// shown by content, so that the same keys twice are the same value.
			Object shown = (value instanceof java.sql.Array array) ? array.getArray() : value;
			String text = (shown instanceof Object[] items) ? Arrays.deepToString(items)
					: (shown instanceof int[] ints) ? Arrays.toString(ints)
							: (shown instanceof long[] longs) ? Arrays.toString(longs) : String.valueOf(shown);
			return truncate(text, maxLength);
		}
		catch (SQLException ex) {
			return "<" + value.getClass().getName() + ">";
		}
		catch (RuntimeException ex) {
			FailureLog.logOnce(ex);
			return "<" + value.getClass().getName() + ">";
		}
	}

	private static String truncate(String text, int maxLength) {
		return (text.length() <= maxLength) ? text : text.substring(0, maxLength) + "…";
	}

}
