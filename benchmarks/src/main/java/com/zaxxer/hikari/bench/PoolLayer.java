package com.zaxxer.hikari.bench;

import org.springframework.aop.bench.FrameworkChain;

/**
 * A frame in the place of HikariCP's proxies, for the call-site benchmark.
 */
public final class PoolLayer {

	private PoolLayer() {
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
