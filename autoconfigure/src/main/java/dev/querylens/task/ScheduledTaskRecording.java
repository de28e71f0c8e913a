package dev.querylens.task;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Makes sure the scheduler's {@code tasks.scheduled.execution} observation reaches the
 * {@link ScheduledTaskObservationHandler}: when the scheduler has no observation registry
 * (no Micrometer set-up), it gets one holding only that handler; when the application
 * gave it one, the handler joins it.
 */
public final class ScheduledTaskRecording implements SchedulingConfigurer, Ordered {

	/** The label of recordings of {@code @Scheduled} methods. */
	public static final String LABEL = "scheduled";

	private final ScheduledTaskObservationHandler handler;

	/**
	 * Creates the integration.
	 * @param handler records each run
	 */
	public ScheduledTaskRecording(ScheduledTaskObservationHandler handler) {
		this.handler = handler;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		ObservationRegistry registry = registrar.getObservationRegistry();
		if (registry == null || registry.isNoop()) {
			registry = ObservationRegistry.create();
			registrar.setObservationRegistry(registry);
		}
		registry.observationConfig().observationHandler(this.handler);
	}

	// Last, so that a configurer that sets a registry usually has done so before this one
	// adds to it; when one
	// sets it later (Boot's does, unordered), the handler is in that registry as a bean.
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
