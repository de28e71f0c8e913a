package com.example.shop;

import java.util.function.Supplier;

/**
 * The outer application frame of the call-site benchmark, as a controller is.
 */
public final class OrderController {

	/**
	 * Calls into the service.
	 * @param <T> the result type
	 * @param service the call that reaches the service
	 * @return its result
	 */
	public <T> T list(Supplier<T> service) {
		return service.get();
	}

}
