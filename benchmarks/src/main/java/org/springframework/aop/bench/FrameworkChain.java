package org.springframework.aop.bench;

import java.util.function.Supplier;

import com.zaxxer.hikari.bench.PoolLayer;
import org.hibernate.bench.LoaderLayer;
import org.hibernate.bench.SessionLayer;
import org.springframework.data.bench.RepositoryLayer;
import org.springframework.transaction.bench.TransactionLayer;

/**
 * A stack of framework frames for the call-site benchmark, the way a repository call
 * through Spring's proxies, Spring Data, a transaction, Hibernate and the pool stacks
 * them: each layer is a class in the framework's package that calls back into this chain,
 * which calls the next layer, so every class name on the stack is one the resolver must
 * judge.
 */
public final class FrameworkChain {

	private final Supplier<?> target;

	private int remaining;

	private FrameworkChain(int frames, Supplier<?> target) {
		this.remaining = frames;
		this.target = target;
	}

	/**
	 * Calls the target with {@code frames} framework frames (at least 2) above the
	 * caller's.
	 * @param <T> the result type
	 * @param frames how many frames to stack
	 * @param target what to call at the top
	 * @return its result
	 */
	@SuppressWarnings("unchecked")
	public static <T> T call(int frames, Supplier<T> target) {
		return (T) new FrameworkChain(frames - 1, target).proceed();
	}

	/**
	 * Calls the next layer, or the target once the frames are stacked.
	 * @return the target's result
	 */
	public Object proceed() {
		int layer = --this.remaining;
		if (layer <= 0) {
			return this.target.get();
		}
		// Each layer adds its own frame and this method's: two frames per layer, as in
		// Spring AOP.
		this.remaining--;
		return switch (layer % 5) {
			case 0 -> AopLayer.invoke(this);
			case 1 -> RepositoryLayer.invoke(this);
			case 2 -> TransactionLayer.invoke(this);
			case 3 -> SessionLayer.invoke(this);
			default -> (layer % 2 == 0) ? LoaderLayer.invoke(this) : PoolLayer.invoke(this);
		};
	}

}
