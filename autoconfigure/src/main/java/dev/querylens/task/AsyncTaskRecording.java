package dev.querylens.task;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;
import org.springframework.util.function.SingletonSupplier;

/**
 * Records each {@code @Async} method called outside a recording as a task named
 * {@code ClassName.method}. It adds no proxy of its own: to a bean Spring already proxied
 * for {@code @Async}, it adds advice behind Spring's asynchronous one, so the advice runs
 * on the thread that does the work. Called within a request (whose recording QueryLens's
 * task decorator carries to the worker thread), the work joins that request's recording
 * as before.
 * <p>
 * Not {@code Ordered}, so that it runs after Spring's
 * {@code AsyncAnnotationBeanPostProcessor} has made the proxy.
 */
public final class AsyncTaskRecording implements BeanPostProcessor {

	/** The label of recordings of {@code @Async} methods. */
	public static final String LABEL = "async";

	private final Supplier<TaskRecorder> recorder;

	/**
	 * Creates the integration.
	 * @param recorder gives the recorder that starts and finishes the recordings, asked
	 * at the first call of an {@code @Async} method so that a post-processor creates no
	 * bean early
	 */
	public AsyncTaskRecording(Supplier<TaskRecorder> recorder) {
		this.recorder = SingletonSupplier.of(recorder);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Advised advised && !advised.isFrozen()) {
			PointcutAdvisor async = findAsyncAdvisor(advised);
			if (async != null) {
				advised.addAdvisor(new DefaultPointcutAdvisor(async.getPointcut(), new Interceptor(this.recorder)));
			}
		}
		return bean;
	}

	private static @Nullable PointcutAdvisor findAsyncAdvisor(Advised advised) {
		PointcutAdvisor found = null;
		for (Advisor advisor : advised.getAdvisors()) {
			if (advisor instanceof DefaultPointcutAdvisor candidate && candidate.getAdvice() instanceof Interceptor) {
				// Added already, by a second pass over the same proxy.
				return null;
			}
			if (advisor instanceof AsyncAnnotationAdvisor candidate) {
				found = candidate;
			}
		}
		return found;
	}

	private static final class Interceptor implements MethodInterceptor {

		private final Supplier<TaskRecorder> recorder;

		Interceptor(Supplier<TaskRecorder> recorder) {
			this.recorder = recorder;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Object target = invocation.getThis();
			Class<?> type = (target != null) ? AopUtils.getTargetClass(target)
					: invocation.getMethod().getDeclaringClass();
			TaskRecorder.Running running = this.recorder.get()
				.start(LABEL, type.getSimpleName() + "." + invocation.getMethod().getName());
			try {
				return invocation.proceed();
			}
			finally {
				running.finish();
			}
		}

	}

}
