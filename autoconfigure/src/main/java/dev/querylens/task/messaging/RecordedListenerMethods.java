package dev.querylens.task.messaging;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.function.SingletonSupplier;

import dev.querylens.task.TaskRecorder;

/**
 * Decorates the factory of a listener annotation's handler methods, so that each message
 * (or batch) a listener method handles is a task recording named
 * {@code ClassName.method ← queue name}. The framework still makes the handler method and
 * resolves its arguments; the recording only wraps the call, which includes the
 * conversion of the payload and the method itself. A listener called while a recording is
 * current joins it.
 */
public final class RecordedListenerMethods implements MessageHandlerMethodFactory {

	/** The label of recordings of message listeners. */
	public static final String LABEL = "listener";

	private final MessageHandlerMethodFactory factory;

	private final Supplier<TaskRecorder> recorder;

	private final Function<Message<?>, @Nullable String> destination;

	/**
	 * Decorates a factory.
	 * @param factory the framework's factory, or the application's
	 * @param recorder gives the recorder, asked at the first message so that no bean is
	 * created early
	 * @param destination names the destination a message came from, such as
	 * {@code queue orders}, or gives {@code null} when its headers do not say
	 */
	public RecordedListenerMethods(MessageHandlerMethodFactory factory, Supplier<TaskRecorder> recorder,
			Function<Message<?>, @Nullable String> destination) {
		this.factory = Objects.requireNonNull(factory, "'factory' must not be null");
		this.recorder = SingletonSupplier.of(recorder);
		this.destination = destination;
	}

	@Override
	public InvocableHandlerMethod createInvocableHandlerMethod(Object bean, Method method) {
		InvocableHandlerMethod handler = this.factory.createInvocableHandlerMethod(bean, method);
		if (handler instanceof RecordedHandlerMethod) {
			return handler;
		}
		return new RecordedHandlerMethod(handler,
				AopUtils.getTargetClass(bean).getSimpleName() + "." + method.getName(), this);
	}

	/**
	 * The framework's handler method, called inside a task recording.
	 */
	private static final class RecordedHandlerMethod extends InvocableHandlerMethod {

		private final InvocableHandlerMethod handler;

		private final String listener;

		private final RecordedListenerMethods methods;

		RecordedHandlerMethod(InvocableHandlerMethod handler, String listener, RecordedListenerMethods methods) {
			super(handler);
			this.handler = handler;
			this.listener = listener;
			this.methods = methods;
		}

		@Override
		public @Nullable Object invoke(Message<?> message, @Nullable Object... providedArgs) throws Exception {
			String from = this.methods.destination.apply(message);
			TaskRecorder.Running running = this.methods.recorder.get()
				.start(LABEL, (from != null) ? this.listener + " ← " + from : this.listener);
			try {
				return this.handler.invoke(message, providedArgs);
			}
			finally {
				running.finish();
			}
		}

	}

}
