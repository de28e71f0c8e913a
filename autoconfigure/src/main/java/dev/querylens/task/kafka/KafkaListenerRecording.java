package dev.querylens.task.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.Formatter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.listener.adapter.KafkaMessageHandlerMethodFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.GenericMessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

import dev.querylens.task.TaskRecorder;
import dev.querylens.task.messaging.RecordedListenerMethods;

/**
 * Records each record (or batch) a {@code @KafkaListener} method handles as a task named
 * {@code ClassName.method ← topic name}.
 * <p>
 * Spring Kafka's own {@code spring.kafka.listener} observation is not used: it is off
 * unless the application turns on {@code observation-enabled} on the container
 * properties, which would add meters and spans of its own, and its context names the
 * listener's id but not its method. A {@code RecordInterceptor} was not used either: a
 * container factory holds only one, the application's, and it runs before the method is
 * known. This configurer decorates the factory of handler methods instead: the
 * application's if its configurer set one, else one made as Spring Kafka's
 * {@code KafkaListenerAnnotationBeanPostProcessor} makes it.
 */
public final class KafkaListenerRecording implements KafkaListenerConfigurer, BeanFactoryAware {

	private final Supplier<TaskRecorder> recorder;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Creates the integration.
	 * @param recorder gives the recorder, asked at the first record
	 */
	public KafkaListenerRecording(Supplier<TaskRecorder> recorder) {
		this.recorder = recorder;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
		MessageHandlerMethodFactory factory = registrar.getMessageHandlerMethodFactory();
		if (factory == null) {
			factory = defaults(registrar);
		}
		if (!(factory instanceof RecordedListenerMethods)) {
			registrar.setMessageHandlerMethodFactory(
					new RecordedListenerMethods(factory, this.recorder, KafkaListenerRecording::topic));
		}
	}

	// As KafkaListenerAnnotationBeanPostProcessor makes it when no configurer set one, so
	// that payloads and headers convert as they would without QueryLens: bytes to text
	// in UTF-8 (its default charset), bytes to numbers, and the application's converters
	// and formatters.
	private MessageHandlerMethodFactory defaults(KafkaListenerEndpointRegistrar registrar) {
		KafkaMessageHandlerMethodFactory defaults = new KafkaMessageHandlerMethodFactory();
		Validator validator = registrar.getValidator();
		if (validator != null) {
			defaults.setValidator(validator);
		}
		DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();
		conversion.addConverter(byte[].class, String.class, (bytes) -> new String(bytes, StandardCharsets.UTF_8));
		conversion.addConverter(new BytesToNumber());
		if (this.beanFactory != null) {
			defaults.setBeanFactory(this.beanFactory);
			if (this.beanFactory instanceof ListableBeanFactory beans) {
				beans.getBeansOfType(Converter.class).values().forEach(conversion::addConverter);
				beans.getBeansOfType(ConverterFactory.class).values().forEach(conversion::addConverterFactory);
				beans.getBeansOfType(GenericConverter.class).values().forEach(conversion::addConverter);
				beans.getBeansOfType(Formatter.class).values().forEach(conversion::addFormatter);
			}
		}
		defaults.setConversionService(conversion);
		defaults.setMessageConverter(new GenericMessageConverter(conversion));
		defaults.setCustomArgumentResolvers(new ArrayList<>(registrar.getCustomMethodArgumentResolvers()));
		defaults.afterPropertiesSet();
		return defaults;
	}

	// A record's topic is a String; a batch's, one per record.
	private static @Nullable String topic(Message<?> message) {
		Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
		if (topic instanceof String name) {
			return "topic " + name;
		}
		if (topic instanceof Collection<?> names && !names.isEmpty()) {
			Set<String> distinct = new LinkedHashSet<>();
			names.forEach((name) -> distinct.add(String.valueOf(name)));
			return ((distinct.size() == 1) ? "topic " : "topics ") + String.join(", ", distinct);
		}
		return null;
	}

	/**
	 * A header's bytes as a number, big-endian, as Spring Kafka reads them for a
	 * listener's numeric {@code @Header} argument.
	 */
	private static final class BytesToNumber implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(byte[].class, long.class), new ConvertiblePair(byte[].class, int.class),
					new ConvertiblePair(byte[].class, short.class), new ConvertiblePair(byte[].class, byte.class),
					new ConvertiblePair(byte[].class, Long.class), new ConvertiblePair(byte[].class, Integer.class),
					new ConvertiblePair(byte[].class, Short.class), new ConvertiblePair(byte[].class, Byte.class));
		}

		@Override
		public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			if (source == null) {
				return null;
			}
			ByteBuffer bytes = ByteBuffer.wrap((byte[]) source);
			Class<?> type = targetType.getObjectType();
			if (type == Long.class) {
				return bytes.getLong();
			}
			if (type == Integer.class) {
				return bytes.getInt();
			}
			if (type == Short.class) {
				return bytes.getShort();
			}
			return bytes.get();
		}

	}

}
