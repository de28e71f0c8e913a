package dev.querylens.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class only when the database it needs is listed in the
 * {@code querylens.test.databases} system property (Maven sets {@code h2}; the
 * {@code all-databases} profile, which CI uses, sets {@code h2,postgres,mariadb}). When
 * listed, the database must be reachable or the test fails: it never skips.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDatabase.Condition.class)
public @interface TestDatabase {

	/**
	 * The database's name: {@code h2}, {@code postgres} or {@code mariadb}, as listed in
	 * {@code querylens.test.databases} (the demo's tests also use it as the Spring
	 * profile).
	 * @return the name
	 */
	String value();

	/**
	 * Evaluates {@link TestDatabase}.
	 */
	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return AnnotationSupport.findAnnotation(context.getElement(), TestDatabase.class)
				.map((database) -> evaluate(database.value()))
				.orElse(ConditionEvaluationResult.enabled("no database named"));
		}

		private ConditionEvaluationResult evaluate(String database) {
			String listed = System.getProperty("querylens.test.databases", "h2");
			boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
			boolean enabled = Arrays.stream(listed.split(",")).map(String::trim).anyMatch(database::equals);
			if (enabled) {
				return ConditionEvaluationResult.enabled(database + " is listed in querylens.test.databases");
			}
			if (ci && !database.equals("h2")) {
				throw new IllegalStateException("CI must run the " + database
						+ " tests: run Maven with -Pall-databases (querylens.test.databases=" + listed + ")");
			}
			return ConditionEvaluationResult.disabled(database + " is not listed in querylens.test.databases");
		}

	}

}
