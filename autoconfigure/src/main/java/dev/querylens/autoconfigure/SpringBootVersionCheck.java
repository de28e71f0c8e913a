package dev.querylens.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops an application on a Spring Boot generation QueryLens is not built for, before any
 * of its auto-configuration runs: on Boot 3 it would start and then half work without a
 * word. Uses only types Boot 3 has too, and is registered in
 * {@code META-INF/spring.factories}, whose keys Boot 3 reads as well.
 */
final class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String SUPPORTED = "Spring Boot 4.0 and 4.1";

	private final @Nullable String version;

	SpringBootVersionCheck() {
		this(SpringBootVersion.getVersion());
	}

	SpringBootVersionCheck(@Nullable String version) {
		this.version = version;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!isSupported(this.version)) {
			throw new UnsupportedSpringBootException(this.version);
		}
	}

	/**
	 * Whether QueryLens runs on the given Spring Boot version: any 4.x or later. A
	 * version that cannot be read (a repackaged Boot without its manifest) is let through
	 * rather than guessed at.
	 * @param version the version, such as {@code 4.0.7} or {@code 3.5.6}
	 * @return whether it is supported
	 */
	static boolean isSupported(@Nullable String version) {
		if (version == null || version.isBlank()) {
			return true;
		}
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		if (end == 0 || end > 9) {
			return true;
		}
		return Integer.parseInt(version.substring(0, end)) >= 4;
	}

	/**
	 * Thrown at start-up on an unsupported Spring Boot;
	 * {@link UnsupportedSpringBootFailureAnalyzer} turns it into Boot's failure report.
	 */
	static final class UnsupportedSpringBootException extends IllegalStateException {

		UnsupportedSpringBootException(@Nullable String version) {
			super(message(version));
		}

		private static String message(@Nullable String version) {
			return "QueryLens supports " + SUPPORTED + " (Java 17 or later); this application runs Spring Boot "
					+ version + ".";
		}

	}

}
