package dev.querylens.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.querylens.store.RecordingCollector;
import dev.querylens.task.AsyncTaskRecording;
import dev.querylens.task.ScheduledTaskObservationHandler;
import dev.querylens.task.ScheduledTaskRecording;
import dev.querylens.task.StartupRunnersRecording;
import dev.querylens.task.TaskRecorder;

/**
 * Auto-configuration of task recordings: the {@link TaskRecorder} for named blocks, and
 * the recording of {@code @Scheduled} methods, {@code @Async} methods called outside a
 * recording, and the start-up runners, each switched by a
 * {@code querylens.record.tasks.*} property.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnBean(RecordingCollector.class)
public final class QueryLensTaskAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskRecorder taskRecorder(RecordingCollector collector, QueryLensProperties properties) {
		return new TaskRecorder(collector, properties.getCapture().getMaxQueries());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.scheduled", matchIfMissing = true)
	ScheduledTaskObservationHandler scheduledTaskObservationHandler(ObjectProvider<TaskRecorder> recorder) {
		return new ScheduledTaskObservationHandler(recorder::getObject);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.scheduled", matchIfMissing = true)
	ScheduledTaskRecording scheduledTaskRecording(ScheduledTaskObservationHandler handler) {
		return new ScheduledTaskRecording(handler);
	}

	// Static, as a BeanPostProcessor must be; the recorder is looked up only when the
	// first bean with @Async is
	// post-processed, so that the beans it needs are not created early.
	@Bean
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.async", matchIfMissing = true)
	static AsyncTaskRecording asyncTaskRecording(ObjectProvider<TaskRecorder> recorder) {
		return new AsyncTaskRecording(recorder::getObject);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.runners", matchIfMissing = true)
	StartupRunnersRecording startupRunnersRecording(TaskRecorder recorder, ApplicationContext context) {
		return new StartupRunnersRecording(recorder, context);
	}

}
