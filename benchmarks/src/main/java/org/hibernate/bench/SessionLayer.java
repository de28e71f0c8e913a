package org.hibernate.bench;

import org.springframework.aop.bench.FrameworkChain;

/**
 * A frame in the place of Hibernate's session, for the call-site benchmark.
 */
public final class SessionLayer {

	private SessionLayer() {
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
