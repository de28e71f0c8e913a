package dev.querylens.autoconfigure;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.ProxyMethodInvocation;

import dev.querylens.jdbc.RecordingDataSource;

/**
 * Hands out the connections of a {@link RecordingDataSource} from a proxy of the data
 * source it wraps, and answers {@code unwrap}/{@code isWrapperFor} as that wrapper would:
 * the proxy itself for the types it is (so unwrapping to {@code HikariDataSource} still
 * records), the wrapper for {@link RecordingDataSource}, the bean's answer otherwise.
 */
final class RecordingConnectionInterceptor implements MethodInterceptor {

	private final RecordingDataSource recording;

	RecordingConnectionInterceptor(RecordingDataSource recording) {
		this.recording = recording;
	}

	static boolean handles(Method method) {
		Class<?>[] parameters = method.getParameterTypes();
		return switch (method.getName()) {
			case "getConnection" -> parameters.length == 0
					|| (parameters.length == 2 && parameters[0] == String.class && parameters[1] == String.class);
			case "unwrap", "isWrapperFor" -> parameters.length == 1 && parameters[0] == Class.class;
			default -> false;
		};
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		switch (invocation.getMethod().getName()) {
			case "getConnection":
				return (arguments.length == 0) ? this.recording.getConnection()
						: this.recording.getConnection((String) arguments[0], (String) arguments[1]);
			case "unwrap":
				if (arguments[0] instanceof Class<?> type) {
					Object proxy = proxyOf(invocation);
					if (type.isInstance(proxy)) {
						return proxy;
					}
					if (type.isInstance(this.recording)) {
						return this.recording;
					}
				}
				return invocation.proceed();
			case "isWrapperFor":
				if (arguments[0] instanceof Class<?> type) {
					Object proxy = proxyOf(invocation);
					if (type.isInstance(proxy) || type.isInstance(this.recording)) {
						return true;
					}
				}
				return invocation.proceed();
			default:
				return invocation.proceed();
		}
	}

	private static Object proxyOf(MethodInvocation invocation) {
		return (invocation instanceof ProxyMethodInvocation proxied) ? proxied.getProxy() : null;
	}

}
