package dev.querylens.analysis;

/**
 * The application's {@code spring.jpa.open-in-view} setting, which decides whether a lazy
 * association a template reads can load there at all.
 */
public enum OpenInView {

	/** Set to {@code true}: the session stays open until the view has rendered. */
	ON,

	/**
	 * Not set, so Spring Boot's default of {@code true} applies (and Boot logs a warning
	 * at startup).
	 */
	ON_BY_DEFAULT,

	/**
	 * Set to {@code false}: a lazy load in the template fails unless the view opens a
	 * session of its own.
	 */
	OFF;

	/**
	 * Returns the setting a property value stands for.
	 * @param value the value of {@code spring.jpa.open-in-view}, or {@code null} when it
	 * is not set
	 * @return the setting
	 */
	public static OpenInView of(String value) {
		if (value == null || value.isBlank()) {
			return ON_BY_DEFAULT;
		}
		return "false".equalsIgnoreCase(value.trim()) ? OFF : ON;
	}

}
