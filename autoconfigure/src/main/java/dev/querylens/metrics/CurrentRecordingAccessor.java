package dev.querylens.metrics;

import io.micrometer.context.ThreadLocalAccessor;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Recording;

/**
 * The current recording as a context-propagation {@link ThreadLocalAccessor}, so that
 * whatever propagates Micrometer's context to another thread carries the recording too:
 * Spring's {@code ContextPropagatingTaskDecorator} (Boot's
 * {@code spring.task.execution.propagate-context}), a {@code ContextExecutorService}, a
 * {@code ContextSnapshot} taken by hand, Reactor's automatic context propagation.
 * Registered through {@code META-INF/services}, as Micrometer registers its own
 * accessors, so it is there whenever the library is.
 */
public final class CurrentRecordingAccessor implements ThreadLocalAccessor<Recording.Started> {

	/** The accessor's key in the context registry. */
	public static final String KEY = "querylens.recording";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public Recording.Started getValue() {
		return CurrentRecording.get();
	}

	@Override
	public void setValue(Recording.Started recording) {
		CurrentRecording.set(recording);
	}

	@Override
	public void setValue() {
		CurrentRecording.set(null);
	}

	@Override
	public void restore(Recording.Started previous) {
		CurrentRecording.set(previous);
	}

	@Override
	public void restore() {
		CurrentRecording.set(null);
	}

}
