package dev.querylens.autoconfigure;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one thread that analyses, stores and meters finished recordings in lean mode, with
 * a bounded queue: past {@value #QUEUE_CAPACITY} recordings waiting, new ones are dropped
 * rather than held.
 * <p>
 * Not an {@link java.util.concurrent.Executor} bean on purpose: Spring Boot backs off its
 * own task executor when the context has one.
 */
final class BackgroundAnalysis implements DisposableBean {

	static final int QUEUE_CAPACITY = 1024;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(QUEUE_CAPACITY), (task) -> {
				Thread thread = new Thread(task, "querylens-analysis");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.AbortPolicy());

	ExecutorService executor() {
		return this.executor;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

	/**
	 * Matches {@code querylens.mode=lean} unless
	 * {@code querylens.n-plus-one.action=fail}, whose veto needs the findings on the
	 * request thread.
	 */
	static final class OnLeanModeCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			if (!"lean".equalsIgnoreCase(environment.getProperty("querylens.mode", "full").trim())) {
				return ConditionOutcome.noMatch("querylens.mode is not lean");
			}
			if ("fail".equalsIgnoreCase(environment.getProperty("querylens.n-plus-one.action", "log").trim())) {
				return ConditionOutcome.noMatch("querylens.n-plus-one.action=fail analyses on the request thread");
			}
			return ConditionOutcome.match("querylens.mode=lean");
		}

	}

}
