package org.apache.catalina.querylens;

import java.util.function.Supplier;

/**
 * A class in the servlet container's package, calling into application code as Tomcat
 * does.
 */
public final class ServletContainer {

	private ServletContainer() {
	}

	/**
	 * Calls the given application code.
	 * @param <T> the result type
	 * @param application what to call
	 * @return its result
	 */
	public static <T> T dispatch(Supplier<T> application) {
		return application.get();
	}

}
