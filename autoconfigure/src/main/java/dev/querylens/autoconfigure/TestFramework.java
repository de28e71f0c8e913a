package dev.querylens.autoconfigure;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Tells whether Spring's TestContext framework built the application context: its context
 * loaders add the {@value #INLINED_PROPERTIES} property source to the environment (Spring
 * Boot's always does, for every {@code @SpringBootTest}, {@code @WebMvcTest},
 * {@code @DataJpaTest} ..., also in AOT mode), and Spring Boot's test bootstrapper marks
 * the context with the {@value #BOOT_TEST_MARKER} property. JUnit or spring-test on the
 * class path says nothing: a production jar may carry them.
 */
final class TestFramework {

	/**
	 * Name of the property source Spring's TestContext framework adds to the contexts it
	 * builds.
	 */
	static final String INLINED_PROPERTIES = "Inlined Test Properties";

	/**
	 * Property Spring Boot's {@code SpringBootTestContextBootstrapper} sets in the
	 * contexts it builds.
	 */
	static final String BOOT_TEST_MARKER = "org.springframework.boot.test.context.SpringBootTestContextBootstrapper";

	private TestFramework() {
	}

	/**
	 * Whether Spring's TestContext framework built the context of an environment.
	 * @param environment the context's environment
	 * @return whether it is a test's context
	 */
	static boolean builtContextOf(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().contains(INLINED_PROPERTIES)) {
			return true;
		}
		return environment.containsProperty(BOOT_TEST_MARKER);
	}

}
