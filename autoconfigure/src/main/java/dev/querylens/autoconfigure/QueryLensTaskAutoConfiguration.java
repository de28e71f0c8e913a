package dev.querylens.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.querylens.store.RecordingCollector;
import dev.querylens.task.AsyncTaskRecording;
import dev.querylens.task.ScheduledTaskObservationHandler;
import dev.querylens.task.ScheduledTaskRecording;
import dev.querylens.task.StartupRunnersRecording;
import dev.querylens.task.TaskRecorder;
import dev.querylens.task.amqp.RabbitListenerRecording;
import dev.querylens.task.batch.BatchStepRecording;
import dev.querylens.task.jms.JmsListenerRecording;
import dev.querylens.task.kafka.KafkaListenerRecording;

/**
 * Auto-configuration of task recordings: the {@link TaskRecorder} for named blocks, and
 * the recording of {@code @Scheduled} methods, {@code @Async} methods called outside a
 * recording, the start-up runners, {@code @JmsListener}, {@code @RabbitListener} and
 * {@code @KafkaListener} methods when Spring JMS, Spring AMQP or Spring for Apache Kafka
 * is there, and Spring Batch steps, each switched by a {@code querylens.record.tasks.*}
 * property.
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.jms.annotation.JmsListenerConfigurer")
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.listeners", matchIfMissing = true)
	static class JmsListeners {

		@Bean
		JmsListenerRecording jmsListenerRecording(ObjectProvider<TaskRecorder> recorder) {
			return new JmsListenerRecording(recorder::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer")
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.listeners", matchIfMissing = true)
	static class RabbitListeners {

		@Bean
		RabbitListenerRecording rabbitListenerRecording(ObjectProvider<TaskRecorder> recorder) {
			return new RabbitListenerRecording(recorder::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.kafka.annotation.KafkaListenerConfigurer")
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.listeners", matchIfMissing = true)
	static class KafkaListeners {

		@Bean
		KafkaListenerRecording kafkaListenerRecording(ObjectProvider<TaskRecorder> recorder) {
			return new KafkaListenerRecording(recorder::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.batch.core.listener.StepExecutionListener")
	@ConditionalOnBooleanProperty(name = "querylens.record.tasks.batch", matchIfMissing = true)
	static class BatchSteps {

		// Static, as a BeanPostProcessor must be; the recorder is looked up at the first
		// step.
		@Bean
		static BatchStepRecording batchStepRecording(ObjectProvider<TaskRecorder> recorder) {
			return new BatchStepRecording(recorder::getObject);
		}

	}

}
