package com.example.shop;

import java.util.function.Supplier;

/**
 * Application code that calls itself, so a stack holds as many application frames as a
 * test asks for.
 */
public final class OrderTree {

	private OrderTree() {
	}

	/**
	 * Calls {@link #leaf} through {@code depth} nested calls of this method.
	 * @param <T> the result type
	 * @param depth how many frames of this method to stack
	 * @param code what the leaf calls
	 * @return its result
	 */
	public static <T> T branch(int depth, Supplier<T> code) {
		return (depth == 0) ? leaf(code) : branch(depth - 1, code);
	}

	/**
	 * Calls the given code from here, so that this method is its innermost application
	 * frame.
	 * @param <T> the result type
	 * @param code what to call
	 * @return its result
	 */
	public static <T> T leaf(Supplier<T> code) {
		return code.get();
	}

}
