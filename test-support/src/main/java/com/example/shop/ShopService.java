package com.example.shop;

import java.util.function.Supplier;

/**
 * Application code, as seen from QueryLens's tests: outside every excluded package.
 */
public final class ShopService {

	/**
	 * Calls the given code from here, so that this method is its first application frame.
	 * @param <T> the result type
	 * @param code what to call
	 * @return its result
	 */
	public <T> T listOrders(Supplier<T> code) {
		return code.get();
	}

}
