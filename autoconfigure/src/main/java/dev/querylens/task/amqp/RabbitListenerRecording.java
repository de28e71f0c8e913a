package dev.querylens.task.amqp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistrar;
import org.springframework.amqp.rabbit.listener.adapter.AmqpMessageHandlerMethodFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.GenericMessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

import dev.querylens.task.TaskRecorder;
import dev.querylens.task.messaging.RecordedListenerMethods;

/**
 * Records each message (or batch) a {@code @RabbitListener} method handles as a task
 * named {@code ClassName.method ← queue name}.
 * <p>
 * Spring AMQP's own {@code spring.rabbit.listener} observation is not used: it is off
 * unless the application turns on {@code observation-enabled} on the container factory,
 * which would add meters and spans of its own, and its context does not name the listener
 * method. A listener-container advice was not used either, as it runs before the method
 * is known (several {@code @RabbitHandler}s can share a queue). This configurer decorates
 * the factory of handler methods instead: the application's if its configurer set one,
 * else one made as Spring AMQP's {@code RabbitListenerAnnotationBeanPostProcessor} makes
 * it.
 */
public final class RabbitListenerRecording implements RabbitListenerConfigurer, BeanFactoryAware {

	private final Supplier<TaskRecorder> recorder;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Creates the integration.
	 * @param recorder gives the recorder, asked at the first message
	 */
	public RabbitListenerRecording(Supplier<TaskRecorder> recorder) {
		this.recorder = recorder;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void configureRabbitListeners(RabbitListenerEndpointRegistrar registrar) {
		MessageHandlerMethodFactory factory = registrar.getMessageHandlerMethodFactory();
		if (factory == null) {
			factory = defaults(registrar);
		}
		if (!(factory instanceof RecordedListenerMethods)) {
			registrar.setMessageHandlerMethodFactory(
					new RecordedListenerMethods(factory, this.recorder, RabbitListenerRecording::queue));
		}
	}

	// As RabbitListenerAnnotationBeanPostProcessor makes it when no configurer set one:
	// payloads convert as they would without QueryLens.
	private MessageHandlerMethodFactory defaults(RabbitListenerEndpointRegistrar registrar) {
		AmqpMessageHandlerMethodFactory defaults = new AmqpMessageHandlerMethodFactory();
		Validator validator = registrar.getValidator();
		if (validator != null) {
			defaults.setValidator(validator);
		}
		if (this.beanFactory != null) {
			defaults.setBeanFactory(this.beanFactory);
		}
		DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();
		conversion.addConverter(byte[].class, String.class, (bytes) -> new String(bytes, StandardCharsets.UTF_8));
		defaults.setConversionService(conversion);
		defaults.setCustomArgumentResolvers(new ArrayList<>(registrar.getCustomMethodArgumentResolvers()));
		defaults.setMessageConverter(new GenericMessageConverter(conversion));
		defaults.afterPropertiesSet();
		return defaults;
	}

	private static @Nullable String queue(Message<?> message) {
		Object queue = message.getHeaders().get(AmqpHeaders.CONSUMER_QUEUE);
		return (queue instanceof String name) ? "queue " + name : null;
	}

}
