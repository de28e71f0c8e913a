package dev.querylens.task;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.util.function.SingletonSupplier;

/**
 * Records each run of a {@code @Scheduled} method as a task named
 * {@code ClassName.method}, from the {@code tasks.scheduled.execution} observation Spring
 * opens around it. A bean, so that Boot adds it to the application's observation registry
 * when Boot gives that registry to the scheduler; {@link ScheduledTaskRecording} gives
 * the scheduler a registry of its own otherwise. Added to one registry twice, it still
 * records each run once.
 */
public final class ScheduledTaskObservationHandler implements ObservationHandler<ScheduledTaskObservationContext> {

	private final Supplier<TaskRecorder> recorder;

	/**
	 * Creates the handler.
	 * @param recorder gives the recorder that starts and finishes the recordings, asked
	 * at the first run, as the recorder's own beans may need the observation registry
	 * this handler is part of
	 */
	public ScheduledTaskObservationHandler(Supplier<TaskRecorder> recorder) {
		this.recorder = SingletonSupplier.of(recorder);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ScheduledTaskObservationContext;
	}

	@Override
	public void onStart(ScheduledTaskObservationContext context) {
		if (context.containsKey(TaskRecorder.Running.class)) {
			return;
		}
		String name = context.getTargetClass().getSimpleName() + "." + context.getMethod().getName();
		context.put(TaskRecorder.Running.class, this.recorder.get().start(ScheduledTaskRecording.LABEL, name));
	}

	@Override
	public void onStop(ScheduledTaskObservationContext context) {
		TaskRecorder.Running running = context.get(TaskRecorder.Running.class);
		if (running != null) {
			context.remove(TaskRecorder.Running.class);
			running.finish();
		}
	}

}
