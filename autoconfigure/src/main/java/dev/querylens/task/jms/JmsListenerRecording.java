package dev.querylens.task.jms;

import java.util.function.Supplier;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.Ordered;
import org.springframework.jms.annotation.JmsListenerConfigurer;
import org.springframework.jms.config.JmsListenerEndpointRegistrar;
import org.springframework.jms.support.JmsHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.querylens.task.TaskRecorder;
import dev.querylens.task.messaging.RecordedListenerMethods;

/**
 * Records each message a {@code @JmsListener} method handles as a task named
 * {@code ClassName.method ← queue name} (or {@code topic name}).
 * <p>
 * Spring JMS's own {@code jms.message.process} observation is not used: it is there only
 * when the container factory has an observation registry, and its context names the
 * message but not the listener method. This configurer, last of the application's
 * {@link JmsListenerConfigurer}s, decorates the factory of handler methods instead: the
 * application's if one of its configurers set one, else the one Spring JMS would make.
 */
public final class JmsListenerRecording implements JmsListenerConfigurer, BeanFactoryAware, Ordered {

	private final Supplier<TaskRecorder> recorder;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Creates the integration.
	 * @param recorder gives the recorder, asked at the first message
	 */
	public JmsListenerRecording(Supplier<TaskRecorder> recorder) {
		this.recorder = recorder;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void configureJmsListeners(JmsListenerEndpointRegistrar registrar) {
		MessageHandlerMethodFactory factory = registrar.getMessageHandlerMethodFactory();
		if (factory == null) {
			// As Spring JMS's JmsListenerAnnotationBeanPostProcessor makes it when no
			// configurer set one.
			DefaultMessageHandlerMethodFactory defaults = new DefaultMessageHandlerMethodFactory();
			if (this.beanFactory != null) {
				defaults.setBeanFactory(this.beanFactory);
			}
			defaults.afterPropertiesSet();
			factory = defaults;
		}
		if (!(factory instanceof RecordedListenerMethods)) {
			registrar.setMessageHandlerMethodFactory(
					new RecordedListenerMethods(factory, this.recorder, JmsListenerRecording::destination));
		}
	}

	private static @Nullable String destination(Message<?> message) {
		Object destination = message.getHeaders().get(JmsHeaders.DESTINATION);
		try {
			if (destination instanceof Queue queue) {
				return "queue " + queue.getQueueName();
			}
			if (destination instanceof Topic topic) {
				return "topic " + topic.getTopicName();
			}
		}
		catch (JMSException ex) {
			// A provider that cannot name its destination: the destination's own text.
		}
		return (destination instanceof Destination) ? destination.toString() : null;
	}

	// Last, so that it decorates the factory an application's configurer set.
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
