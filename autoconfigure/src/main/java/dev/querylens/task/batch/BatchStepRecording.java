package dev.querylens.task.batch;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.ListableStepLocator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;

import dev.querylens.task.TaskRecorder;

/**
 * Records each execution of a Spring Batch step as one task named
 * {@code jobName / stepName}: all its chunks in one recording, whose memory stays bounded
 * by {@code querylens.capture.max-queries} however many items the step reads, as the
 * statements beyond are tallied. A {@link StepExecutionListener} of its own, first to run
 * before the step and last after it, is registered on every step that is a bean and on
 * every step of a job that is a bean; the steps stay the application's objects.
 * <p>
 * Not Spring Batch's {@code spring.batch.step} observation: it is made only when the step
 * was given an observation registry.
 */
public final class BatchStepRecording implements BeanPostProcessor {

	/** The label of recordings of batch steps. */
	public static final String LABEL = "batch";

	private final Listener listener;

	// Steps the listener was registered on, so a step that is a bean and part of a job
	// bean gets it once.
	private final Set<AbstractStep> registered = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	/**
	 * Creates the integration.
	 * @param recorder gives the recorder, asked at the first step so that a
	 * post-processor creates no bean early
	 */
	public BatchStepRecording(Supplier<TaskRecorder> recorder) {
		this.listener = new Listener(SingletonSupplier.of(recorder));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractStep step) {
			register(step);
		}
		else if (bean instanceof ListableStepLocator job) {
			try {
				for (String name : job.getStepNames()) {
					if (job.getStep(name) instanceof AbstractStep step) {
						register(step);
					}
				}
			}
			catch (RuntimeException ex) {
				// A job whose steps cannot be listed yet (a flow not complete): its steps
				// that are beans are registered on their own; the application must start
				// as it would without QueryLens.
			}
		}
		return bean;
	}

	private void register(AbstractStep step) {
		if (this.registered.add(step)) {
			step.registerStepExecutionListener(this.listener);
		}
	}

	private static final class Listener implements StepExecutionListener, Ordered {

		private final Supplier<TaskRecorder> recorder;

		private final Map<StepExecution, TaskRecorder.Running> running = Collections
			.synchronizedMap(new IdentityHashMap<>());

		Listener(Supplier<TaskRecorder> recorder) {
			this.recorder = recorder;
		}

		@Override
		public void beforeStep(StepExecution stepExecution) {
			String name = stepExecution.getJobExecution().getJobInstance().getJobName() + " / "
					+ stepExecution.getStepName();
			// Once per execution, even if the listener were registered twice on a step.
			this.running.computeIfAbsent(stepExecution, (execution) -> this.recorder.get().start(LABEL, name));
		}

		@Override
		public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
			TaskRecorder.Running finished = this.running.remove(stepExecution);
			if (finished != null) {
				finished.finish();
			}
			return null;
		}

		// First before the step, last after it: the application's own listeners'
		// statements
		// are in the recording.
		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
