package org.springframework.aop.bench;

/**
 * A frame in the place of Spring AOP's method interceptors, for the call-site benchmark.
 */
public final class AopLayer {

	private AopLayer() {
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
