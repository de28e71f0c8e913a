package org.springframework.data.bench;

import org.springframework.aop.bench.FrameworkChain;

/**
 * A frame in the place of Spring Data's repository invocation, for the call-site
 * benchmark.
 */
public final class RepositoryLayer {

	private RepositoryLayer() {
	}

	/**
	 * Goes on down the chain.
	 * @param chain the chain
	 * @return its result
	 */
	public static Object invoke(FrameworkChain chain) {
		return chain.proceed();
	}

}
