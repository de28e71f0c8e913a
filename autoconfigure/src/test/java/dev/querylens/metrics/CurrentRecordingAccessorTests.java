package dev.querylens.metrics;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.Test;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurrentRecordingAccessor}.
 */
class CurrentRecordingAccessorTests {

	private final Recording.Started recording = Recording.start(Kind.TEST, null, "accessor", null, 10);

	@Test
	void theAccessorIsFoundByMicrometersContextRegistry() {
		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
			.anySatisfy((accessor) -> assertThat(accessor.key()).isEqualTo(CurrentRecordingAccessor.KEY));
	}

	@Test
	void aContextExecutorServiceRunsTheTaskBoundToTheRecordingOfTheSubmitter() throws Exception {
		ExecutorService executor = ContextExecutorService.wrap(Executors.newSingleThreadExecutor());
		try {
			Recording.Started seen;
			try (CurrentRecording.Scope scope = CurrentRecording.bind(this.recording)) {
				seen = executor.submit(CurrentRecording::get).get();
			}
			assertThat(seen).isSameAs(this.recording);
			assertThat(executor.submit(CurrentRecording::get).get()).isNull();
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	void aSnapshotScopeRestoresWhatWasBoundBefore() {
		ContextSnapshot snapshot;
		try (CurrentRecording.Scope scope = CurrentRecording.bind(this.recording)) {
			snapshot = ContextSnapshotFactory.builder().build().captureAll();
		}
		Recording.Started otherStarted = Recording.start(Kind.TEST, null, "otherStarted", null, 10);
		try (CurrentRecording.Scope outer = CurrentRecording.bind(otherStarted)) {
			try (ContextSnapshot.Scope restored = snapshot.setThreadLocals()) {
				assertThat(CurrentRecording.get()).isSameAs(this.recording);
			}
			assertThat(CurrentRecording.get()).isSameAs(otherStarted);
		}
		assertThat(CurrentRecording.get()).isNull();
	}

}
