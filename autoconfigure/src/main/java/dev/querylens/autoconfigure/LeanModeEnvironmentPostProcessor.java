package dev.querylens.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code querylens.mode=lean} as the properties it stands for: the toolbar off (so no
 * badge, no dashboard and no response held back for a badge) and call sites off. They go
 * in a property source of the lowest precedence, so a property the application sets
 * itself still wins and the conditions of every auto-configuration read the result. The
 * analysis off the request thread is {@link QueryLensAutoConfiguration}'s part.
 */
public final class LeanModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** Name of the property source lean mode adds. */
	public static final String PROPERTY_SOURCE_NAME = "querylensLeanMode";

	static final Map<String, Object> LEAN_DEFAULTS = Map.of("querylens.toolbar.enabled", "false",
			"querylens.capture.call-site", "none");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (isLean(environment) && !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, LEAN_DEFAULTS));
		}
	}

	static boolean isLean(ConfigurableEnvironment environment) {
		String mode = environment.getProperty("querylens.mode");
		return mode != null && mode.trim().equalsIgnoreCase(QueryLensProperties.Mode.LEAN.name());
	}

}
