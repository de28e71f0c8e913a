package dev.querylens.task;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScheduledTaskRecording} and {@link ScheduledTaskObservationHandler}
 * over Spring's own {@link ScheduledMethodRunnable}, with no Micrometer set-up.
 */
class ScheduledTaskRecordingTests {

	private final List<AnalyzedRecording> finished = new ArrayList<>();

	private final RecordingCollector collector = new RecordingCollector(
			RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none()), new InMemoryRecordingStore(10),
			List.of(this.finished::add));

	@Test
	void eachRunOfAScheduledMethodIsATaskNamedAfterIt() throws Exception {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		new ScheduledTaskRecording(new ScheduledTaskObservationHandler(() -> new TaskRecorder(this.collector, 100)))
			.configureTasks(registrar);
		Job job = new Job();
		Runnable runnable = new ScheduledMethodRunnable(job, Job.class.getDeclaredMethod("run"), null,
				registrar::getObservationRegistry);
		runnable.run();
		runnable.run();
		assertThat(job.recorded).isEqualTo(2);
		assertThat(this.finished).hasSize(2).allSatisfy((analyzed) -> {
			assertThat(analyzed.recording().getKind()).isEqualTo(Kind.TASK);
			assertThat(analyzed.recording().getMethod()).isEqualTo("scheduled");
			assertThat(analyzed.recording().getUri()).isEqualTo("Job.run");
		});
		assertThat(CurrentRecording.get()).isNull();
	}

	@Test
	void aRunThatRanNoStatementIsNotKept() throws Exception {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		new ScheduledTaskRecording(new ScheduledTaskObservationHandler(() -> new TaskRecorder(this.collector, 100)))
			.configureTasks(registrar);
		Job job = new Job();
		job.statements = false;
		new ScheduledMethodRunnable(job, Job.class.getDeclaredMethod("run"), null, registrar::getObservationRegistry)
			.run();
		assertThat(job.recorded).isEqualTo(1);
		assertThat(this.finished).isEmpty();
	}

	static class Job {

		int recorded;

		boolean statements = true;

		void run() {
			Recording.Started recording = CurrentRecording.get();
			if (recording != null) {
				this.recorded++;
				if (this.statements) {
					recording.record("select 1", List.of(), 1, 1, 0, 1000, 1, "dataSource", null, null);
				}
			}
		}

	}

}
