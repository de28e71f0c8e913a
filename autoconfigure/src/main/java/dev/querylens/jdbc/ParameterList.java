package dev.querylens.jdbc;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The bound values of one query, frozen when it is recorded: an unmodifiable view of an
 * array nobody else holds, which unlike {@code List.of} allows {@code null} and costs no
 * second copy.
 */
final class ParameterList extends AbstractList<Object> implements RandomAccess {

	private final Object[] values;

	ParameterList(Object[] values) {
		this.values = values;
	}

	@Override
	public Object get(int index) {
		return this.values[index];
	}

	@Override
	public int size() {
		return this.values.length;
	}

}
