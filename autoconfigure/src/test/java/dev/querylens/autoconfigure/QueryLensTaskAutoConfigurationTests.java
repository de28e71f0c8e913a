package dev.querylens.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.querylens.task.TaskRecorder;
import dev.querylens.task.amqp.RabbitListenerRecording;
import dev.querylens.task.batch.BatchStepRecording;
import dev.querylens.task.jms.JmsListenerRecording;
import dev.querylens.task.kafka.KafkaListenerRecording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensTaskAutoConfiguration}'s optional integrations: each is there
 * when its framework is, and switched off by its property.
 */
class QueryLensTaskAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensTaskAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:task-autoconfig-" + System.nanoTime());

	@Test
	void withSpringJmsSpringAmqpAndSpringKafkaTheirListenersAreRecorded() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(JmsListenerRecording.class)
			.hasSingleBean(RabbitListenerRecording.class)
			.hasSingleBean(KafkaListenerRecording.class));
	}

	@Test
	void withoutSpringJmsOnlyTheOtherListenersAreRecorded() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.jms"))
			.run((context) -> assertThat(context).doesNotHaveBean(JmsListenerRecording.class)
				.hasSingleBean(RabbitListenerRecording.class)
				.hasSingleBean(KafkaListenerRecording.class)
				.hasSingleBean(TaskRecorder.class));
	}

	@Test
	void withoutSpringAmqpOnlyTheOtherListenersAreRecorded() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.amqp"))
			.run((context) -> assertThat(context).doesNotHaveBean(RabbitListenerRecording.class)
				.hasSingleBean(JmsListenerRecording.class)
				.hasSingleBean(TaskRecorder.class));
	}

	@Test
	void withoutSpringKafkaOnlyTheOtherListenersAreRecorded() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.kafka"))
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaListenerRecording.class)
				.hasSingleBean(JmsListenerRecording.class)
				.hasSingleBean(RabbitListenerRecording.class)
				.hasSingleBean(TaskRecorder.class));
	}

	@Test
	void listenersAreNotRecordedWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("querylens.record.tasks.listeners=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JmsListenerRecording.class)
				.doesNotHaveBean(RabbitListenerRecording.class)
				.doesNotHaveBean(KafkaListenerRecording.class)
				.hasSingleBean(TaskRecorder.class));
	}

	@Test
	void withSpringBatchItsStepsAreRecordedUnlessSwitchedOff() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BatchStepRecording.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.batch"))
			.run((context) -> assertThat(context).doesNotHaveBean(BatchStepRecording.class)
				.hasSingleBean(TaskRecorder.class));
		this.contextRunner.withPropertyValues("querylens.record.tasks.batch=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BatchStepRecording.class)
				.hasSingleBean(JmsListenerRecording.class));
	}

}
