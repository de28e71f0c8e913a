package org.hibernate.bench;

import org.springframework.aop.bench.FrameworkChain;

/**
 * A frame in the place of Hibernate's loaders, for the call-site benchmark.
 */
public final class LoaderLayer {

	private LoaderLayer() {
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
