import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the delegating classes of {@code dev.querylens.jdbc}: for each {@code java.sql} interface a wrapper
 * implements, a class whose every method passes the call to the driver's object unchanged. The hand-written classes
 * of the package extend them and override only the methods that do something more (record, count, wrap).
 * <p>
 * Run by the build before compiling, with the JDK that runs the build, as a single-file program:
 * {@code java JdbcDelegationSources.java <output directory>}. The methods are read from that JDK's {@code java.sql}
 * interfaces and written without {@code @Override}, so that a later JDK's extra method still compiles against the
 * Java 17 API. A file is written only when its text changed, so the compiler's incremental build is kept.
 */
public final class JdbcDelegationSources {

	private static final String PACKAGE = "dev.querylens.jdbc";

	private static final String RECORDING = "dev.querylens.capture.Recording.@org.jspecify.annotations.Nullable Started";

	private JdbcDelegationSources() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("Usage: JdbcDelegationSources <output directory>");
		}
		Path directory = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
		Files.createDirectories(directory);
		for (Delegation delegation : delegations()) {
			write(directory.resolve(delegation.name() + ".java"), delegation.source());
		}
	}

	static List<Delegation> delegations() {
		return List.of(
				Delegation.root("DelegatingConnection", Connection.class,
						"The {@link java.sql.Connection} methods that {@link RecordingConnection} passes on unchanged."),
				Delegation.root("DelegatingStatement", Statement.class,
						"The {@link java.sql.Statement} methods that {@link RecordingStatement} passes on unchanged."),
				Delegation.root("DelegatingResultSet", ResultSet.class,
						"The {@link java.sql.ResultSet} methods that {@link RecordingResultSet} passes on unchanged."),
				Delegation.root("DelegatingDatabaseMetaData", DatabaseMetaData.class,
						"The {@link java.sql.DatabaseMetaData} methods that {@link RecordingDatabaseMetaData} passes "
								+ "on unchanged."),
				Delegation.extension("DelegatingPreparedStatement", PreparedStatement.class, Statement.class,
						"RecordingStatement", "prepared", "RecordingConnection connection, " + RECORDING + " recording",
						"connection, recording", false,
						"The methods that {@link java.sql.PreparedStatement} adds to {@link java.sql.Statement} and "
								+ "{@link RecordingPreparedStatement} passes on unchanged."),
				Delegation.extension("RecordingCallableStatement", CallableStatement.class, PreparedStatement.class,
						"RecordingPreparedStatement", "callable",
						"String sql, RecordingConnection connection, " + RECORDING + " recording",
						"sql, connection, recording", true,
						"A {@link java.sql.CallableStatement} bound to a recording: executions are recorded by "
								+ "{@link RecordingPreparedStatement}, and the methods that "
								+ "{@link java.sql.CallableStatement} adds are passed on unchanged. Values bound by "
								+ "parameter name are not captured: only positional values are recorded."));
	}

	private static void write(Path file, String source) throws IOException {
		byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
		if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
			return;
		}
		Files.write(file, bytes);
	}

	/**
	 * One generated class.
	 * @param name its simple name
	 * @param type the interface it implements
	 * @param inherited the interface whose methods its superclass already passes on, or {@code null} for a root
	 * @param superclass the class it extends, or {@code null} for a root
	 * @param field the name of its field that holds the driver's object
	 * @param parameters the constructor parameters after the driver's object
	 * @param arguments the superclass constructor arguments after the driver's object
	 * @param leaf whether it is the final, concrete class itself rather than a base to extend
	 * @param description the first sentence of its Javadoc
	 */
	record Delegation(String name, Class<?> type, Class<?> inherited, String superclass, String field,
			String parameters, String arguments, boolean leaf, String description) {

		static Delegation root(String name, Class<?> type, String description) {
			return new Delegation(name, type, null, null, "delegate", "", "", false, description);
		}

		static Delegation extension(String name, Class<?> type, Class<?> inherited, String superclass, String field,
				String parameters, String arguments, boolean leaf, String description) {
			return new Delegation(name, type, inherited, superclass, field, parameters, arguments, leaf,
					description);
		}

		boolean isRoot() {
			return this.inherited == null;
		}

		String source() {
			StringBuilder out = new StringBuilder();
			out.append("// Generated at build time by autoconfigure/src/build/java/JdbcDelegationSources.java from\n");
			out.append("// the java.sql interfaces of the JDK that ran the build. Not to be edited: change the\n");
			out.append("// generator.\n");
			out.append("package ").append(PACKAGE).append(";\n\n");
			out.append("/**\n * ").append(this.description).append("\n */\n");
			out.append(this.leaf ? "final class " : "abstract class ").append(this.name);
			if (!isRoot()) {
				out.append(" extends ").append(this.superclass);
			}
			out.append(" implements ").append(this.type.getName()).append(" {\n\n");
			out.append("\tfinal ").append(this.type.getName()).append(' ').append(this.field).append(";\n\n");
			out.append('\t').append(this.name).append('(').append(this.type.getName()).append(" delegate");
			if (!this.parameters.isEmpty()) {
				out.append(", ").append(this.parameters);
			}
			out.append(") {\n");
			if (!isRoot()) {
				out.append("\t\tsuper(delegate, ").append(this.arguments).append(");\n");
			}
			out.append("\t\tthis.").append(this.field).append(" = delegate;\n\t}\n");
			if (isRoot()) {
				out.append("\n\tpublic <T> T unwrap(Class<T> iface) throws java.sql.SQLException {\n");
				out.append("\t\treturn iface.isInstance(this) ? iface.cast(this) : this.delegate.unwrap(iface);");
				out.append("\n\t}\n");
				out.append("\n\tpublic boolean isWrapperFor(Class<?> iface) throws java.sql.SQLException {\n");
				out.append("\t\treturn iface.isInstance(this) || this.delegate.isWrapperFor(iface);\n\t}\n");
				out.append("\n\t@Override\n\tpublic String toString() {\n");
				out.append("\t\treturn this.delegate.toString();\n\t}\n");
			}
			for (Method method : methods()) {
				out.append('\n');
				appendDelegation(out, method);
			}
			out.append("\n}\n");
			return out.toString();
		}

		// The interface's methods that this class passes on: all but the static ones, the wrapper methods written
		// above, and those its superclass already passes on. Sorted so that the text does not depend on reflection's
		// order; of two declarations of one signature (Statement's close() and AutoCloseable's), the narrower.
		List<Method> methods() {
			Set<String> inherited = (this.inherited != null) ? Arrays.stream(this.inherited.getMethods())
					.map(Delegation::signature).collect(Collectors.toSet()) : Set.of();
			Map<String, Method> bySignature = new LinkedHashMap<>();
			for (Method method : this.type.getMethods()) {
				String signature = signature(method);
				if (Modifier.isStatic(method.getModifiers()) || inherited.contains(signature)
						|| signature.startsWith("unwrap(") || signature.startsWith("isWrapperFor(")) {
					continue;
				}
				bySignature.merge(signature, method, (first, second) -> first.getDeclaringClass()
						.isAssignableFrom(second.getDeclaringClass()) ? second : first);
			}
			List<Method> methods = new ArrayList<>(bySignature.values());
			methods.sort(Comparator.comparing(Delegation::signature));
			return methods;
		}

		private void appendDelegation(StringBuilder out, Method method) {
			out.append("\tpublic ");
			TypeVariable<Method>[] typeParameters = method.getTypeParameters();
			if (typeParameters.length > 0) {
				out.append(Arrays.stream(typeParameters).map(TypeVariable::getName)
						.collect(Collectors.joining(", ", "<", "> ")));
			}
			out.append(typeName(method.getGenericReturnType())).append(' ').append(method.getName()).append('(');
			Type[] parameterTypes = method.getGenericParameterTypes();
			List<String> arguments = new ArrayList<>();
			for (int i = 0; i < parameterTypes.length; i++) {
				if (i > 0) {
					out.append(", ");
				}
				String argument = "arg" + i;
				arguments.add(argument);
				out.append(typeName(parameterTypes[i])).append(' ').append(argument);
			}
			out.append(')');
			Class<?>[] exceptions = method.getExceptionTypes();
			if (exceptions.length > 0) {
				out.append(" throws ").append(Arrays.stream(exceptions).map(Delegation::typeName)
						.collect(Collectors.joining(", ")));
			}
			out.append(" {\n\t\t");
			if (method.getReturnType() != void.class) {
				out.append("return ");
			}
			out.append("this.").append(this.field).append('.').append(method.getName()).append('(')
					.append(String.join(", ", arguments)).append(");\n\t}\n");
		}

		private static String typeName(Type type) {
			return type.getTypeName().replace('$', '.');
		}

		static String signature(Method method) {
			return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
					.collect(Collectors.joining(",", "(", ")"));
		}

	}

}
