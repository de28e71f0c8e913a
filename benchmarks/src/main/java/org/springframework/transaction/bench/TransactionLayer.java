package org.springframework.transaction.bench;

import org.springframework.aop.bench.FrameworkChain;

/**
 * A frame in the place of Spring's transaction interceptor, for the call-site benchmark.
 */
public final class TransactionLayer {

	private TransactionLayer() {
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
