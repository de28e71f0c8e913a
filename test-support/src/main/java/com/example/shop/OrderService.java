package com.example.shop;

import java.util.function.Supplier;

/**
 * The inner application frame of the call-site benchmark, the call site of its statement,
 * as a service calling a repository is.
 */
public final class OrderService {

	/**
	 * Calls the repository.
	 * @param <T> the result type
	 * @param repository the call that reaches the statement
	 * @return its result
	 */
	public <T> T orders(Supplier<T> repository) {
		return repository.get();
	}

}
