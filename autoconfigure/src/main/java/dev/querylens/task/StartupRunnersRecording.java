package dev.querylens.task;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Records the application's {@link ApplicationRunner} and {@link CommandLineRunner} beans
 * at start-up as one task, named after them. Boot calls every runner on the main thread
 * between {@code ApplicationStartedEvent} and {@code ApplicationReadyEvent} (or
 * {@code ApplicationFailedEvent} when one throws), so the recording spans exactly those
 * calls without wrapping the runner beans, which stay the application's own objects.
 */
public final class StartupRunnersRecording implements ApplicationListener<SpringApplicationEvent> {

	/** The label of the start-up runners' recording. */
	public static final String LABEL = "runner";

	// Names of at most this many runners; the call sites of the statements say the rest.
	private static final int MAX_NAMES = 3;

	private final TaskRecorder recorder;

	private final ApplicationContext context;

	private TaskRecorder.Running running = TaskRecorder.Running.JOINED;

	/**
	 * Creates the integration.
	 * @param recorder starts and finishes the recording
	 * @param context the context whose runners are recorded
	 */
	public StartupRunnersRecording(TaskRecorder recorder, ApplicationContext context) {
		this.recorder = recorder;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationStartedEvent started && started.getApplicationContext() == this.context) {
			String name = name();
			if (name != null) {
				this.running = this.recorder.start(LABEL, name);
			}
		}
		else if ((event instanceof ApplicationReadyEvent ready && ready.getApplicationContext() == this.context)
				|| (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() == this.context)) {
			TaskRecorder.Running finished = this.running;
			this.running = TaskRecorder.Running.JOINED;
			finished.finish();
		}
	}

	private @Nullable String name() {
		List<String> names = new ArrayList<>();
		for (Class<?> type : List.of(ApplicationRunner.class, CommandLineRunner.class)) {
			for (String beanName : this.context.getBeanNamesForType(type, true, false)) {
				Class<?> beanType = this.context.getType(beanName, false);
				names.add((beanType != null && !beanType.isSynthetic() && !beanType.getName().contains("$$Lambda"))
						? ClassUtils.getUserClass(beanType).getSimpleName() : beanName);
			}
		}
		if (names.isEmpty()) {
			return null;
		}
		String shown = String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES)));
		return "runners " + shown + ((names.size() > MAX_NAMES) ? " and " + (names.size() - MAX_NAMES) + " more" : "");
	}

}
