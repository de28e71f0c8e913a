package dev.querylens.jdbc;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every public method of every {@code java.sql} interface a wrapper implements:
 * calling the wrapper reaches the driver's object exactly once, with the same method and
 * the same arguments, inside a recording and outside one. The driver's objects are
 * recording fakes; the few methods that answer with a wrapper instead (a statement's
 * connection, a result set's statement, the metadata's connection) are listed and checked
 * for that answer.
 */
class JdbcDelegationConformanceTests {

	private static final JdbcCaptureSettings SETTINGS = new JdbcCaptureSettings(true, 200,
			new CallSiteResolver(CallSiteMode.NONE, List.of()));

	@TestFactory
	Stream<DynamicNode> everyMethodReachesTheDriverExactlyOnce() {
		return Stream.of(false, true)
			.map((recorded) -> DynamicContainer
				.dynamicContainer(recorded ? "inside a recording" : "outside a recording", wrappers().entrySet()
					.stream()
					.map((entry) -> DynamicContainer.dynamicContainer(entry.getKey().getSimpleName(),
							methods(entry.getKey()).stream()
								.map((method) -> DynamicTest.dynamicTest(signature(method),
										() -> assertDelegates(entry.getKey(), entry.getValue(), method, recorded)))))));
	}

	@TestFactory
	Stream<DynamicTest> unwrapAnswersForTheWrapperAndAsksTheDriverOtherwise() {
		return wrappers().entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey().getSimpleName(), () -> {
				Class<?> type = entry.getKey();
				Fake fake = new Fake(type);
				Wrapper wrapper = (Wrapper) entry.getValue().apply(fake.proxy(), null);
				assertThat(wrapper.unwrap(type)).isSameAs(wrapper);
				assertThat(wrapper.unwrap(Wrapper.class)).isSameAs(wrapper);
				assertThat(wrapper.isWrapperFor(type)).isTrue();
				assertThat(fake.calls).isEmpty();
				wrapper.unwrap(Serializable.class);
				assertThat(fake.calls).singleElement()
					.satisfies((call) -> assertThat(call.signature()).isEqualTo("unwrap(java.lang.Class)"));
				fake.calls.clear();
				assertThat(wrapper.isWrapperFor(Serializable.class)).isFalse();
				assertThat(fake.calls).singleElement()
					.satisfies((call) -> assertThat(call.signature()).isEqualTo("isWrapperFor(java.lang.Class)"));
			}));
	}

	// Each wrapper, made around a driver's object and bound to a recording (or none).
	private static Map<Class<?>, BiFunction<Object, Recording.Started, Object>> wrappers() {
		Map<Class<?>, BiFunction<Object, Recording.Started, Object>> wrappers = new LinkedHashMap<>();
		wrappers.put(Connection.class, (delegate, recording) -> connection((Connection) delegate));
		wrappers.put(Statement.class, (delegate, recording) -> new RecordingStatement((Statement) delegate,
				connection(new Fake(Connection.class).proxy()), recording));
		wrappers.put(PreparedStatement.class,
				(delegate, recording) -> new RecordingPreparedStatement((PreparedStatement) delegate, "select 1",
						connection(new Fake(Connection.class).proxy()), recording));
		wrappers.put(CallableStatement.class,
				(delegate, recording) -> new RecordingCallableStatement((CallableStatement) delegate, "call 1",
						connection(new Fake(Connection.class).proxy()), recording));
		wrappers.put(ResultSet.class,
				(delegate, recording) -> new RecordingResultSet((ResultSet) delegate,
						new RecordingStatement(new Fake(Statement.class).proxy(),
								connection(new Fake(Connection.class).proxy()), recording),
						0));
		wrappers.put(DatabaseMetaData.class,
				(delegate, recording) -> new RecordingDatabaseMetaData((DatabaseMetaData) delegate,
						connection(new Fake(Connection.class).proxy())));
		return wrappers;
	}

	private static RecordingConnection connection(Connection delegate) {
		return new RecordingConnection(delegate, 1, "test", SETTINGS);
	}

	private static void assertDelegates(Class<?> type, BiFunction<Object, Recording.Started, Object> wrap,
			Method method, boolean recorded) throws Exception {
		Recording.Started recording = recorded ? Recording.start(Kind.TEST, null, "test", null, 1000) : null;
		Fake fake = new Fake(type);
		Object[] arguments = arguments(method);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(recording)) {
			Object wrapper = wrap.apply(fake.proxy(), recording);
			Object result = invoke(method, wrapper, arguments);
			Class<?> wrapperType = answeredByTheWrapper(type, signature(method));
			if (wrapperType != null) {
				assertThat(result).isInstanceOf(wrapperType);
				assertThat(fake.calls).isEmpty();
				return;
			}
		}
		assertThat(fake.calls).as("calls on the driver's %s", type.getSimpleName())
			.singleElement()
			.satisfies((call) -> {
				assertThat(call.signature()).isEqualTo(signature(method));
				assertThat(call.arguments()).containsExactly(arguments);
			});
	}

	// The methods that answer with the wrapper the application holds, never asking the
	// driver: the type of that
	// wrapper, or null for a method that is passed on.
	private static Class<?> answeredByTheWrapper(Class<?> type, String signature) {
		if (Statement.class.isAssignableFrom(type) && signature.equals("getConnection()")) {
			return RecordingConnection.class;
		}
		if (type == ResultSet.class && signature.equals("getStatement()")) {
			return RecordingStatement.class;
		}
		if (type == DatabaseMetaData.class && signature.equals("getConnection()")) {
			return RecordingConnection.class;
		}
		return null;
	}

	private static Object invoke(Method method, Object target, Object[] arguments) throws Exception {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	// The interface's public methods, one per signature (Statement's close() and
	// AutoCloseable's are one).
	private static List<Method> methods(Class<?> type) {
		Map<String, Method> bySignature = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			if (!Modifier.isStatic(method.getModifiers())) {
				bySignature.putIfAbsent(signature(method), method);
			}
		}
		List<Method> methods = new ArrayList<>(bySignature.values());
		methods.sort(Comparator.comparing(JdbcDelegationConformanceTests::signature));
		return methods;
	}

	// Distinct values a mistaken delegation would not pass on by chance: parameter
	// indexes from 1, text, arrays.
	private static Object[] arguments(Method method) {
		Class<?>[] types = method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			arguments[i] = argument(types[i], i);
		}
		return arguments;
	}

	private static Object argument(Class<?> type, int position) {
		int value = position + 1;
		if (type == int.class) {
			return value;
		}
		if (type == long.class) {
			return (long) value;
		}
		if (type == short.class) {
			return (short) value;
		}
		if (type == byte.class) {
			return (byte) value;
		}
		if (type == boolean.class) {
			return true;
		}
		if (type == float.class) {
			return (float) value;
		}
		if (type == double.class) {
			return (double) value;
		}
		if (type == String.class) {
			return "value" + value;
		}
		if (type == Class.class) {
			return Serializable.class;
		}
		if (type.isArray()) {
			return java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
		}
		return null;
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getName)
			.reduce((first, second) -> first + "," + second)
			.map((names) -> "(" + names + ")")
			.orElse("()");
	}

	private record Call(String signature, Object[] arguments) {
	}

	/**
	 * A driver's object that keeps every call made on it and answers with the type's
	 * default value.
	 */
	private static final class Fake {

		private final Class<?> type;

		final List<Call> calls = new ArrayList<>();

		private Object proxy;

		Fake(Class<?> type) {
			this.type = type;
		}

		@SuppressWarnings("unchecked")
		<T> T proxy() {
			if (this.proxy == null) {
				this.proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { this.type },
						(proxy, method, arguments) -> {
							if (method.getDeclaringClass() == Object.class) {
								return switch (method.getName()) {
									case "equals" -> proxy == arguments[0];
									case "hashCode" -> System.identityHashCode(proxy);
									default -> "fake " + this.type.getSimpleName();
								};
							}
							this.calls
								.add(new Call(signature(method), (arguments != null) ? arguments : new Object[0]));
							return defaultValue(method.getReturnType());
						});
			}
			return (T) this.proxy;
		}

		private static Object defaultValue(Class<?> type) {
			if (type == boolean.class) {
				return false;
			}
			if (type == int.class) {
				return 0;
			}
			if (type == short.class) {
				return (short) 0;
			}
			if (type == byte.class) {
				return (byte) 0;
			}
			if (type == long.class) {
				return 0L;
			}
			if (type == float.class) {
				return 0f;
			}
			if (type == double.class) {
				return 0d;
			}
			if (type.isArray()) {
				return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
			}
			return null;
		}

	}

}
