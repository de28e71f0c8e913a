package org.apache.catalina.bench;

import java.util.function.Supplier;

/**
 * Frames in the place of the servlet container and Spring MVC's dispatch below a
 * controller, for the call-site benchmark: a call path has to decide where to stop once
 * it is past the outermost application frame.
 */
public final class ServletContainer {

	private ServletContainer() {
	}

	/**
	 * Calls the target with {@code frames} frames of this class below it.
	 * @param <T> the result type
	 * @param frames how many frames to stack
	 * @param target what to call at the top
	 * @return its result
	 */
	public static <T> T call(int frames, Supplier<T> target) {
		return (frames <= 1) ? target.get() : call(frames - 1, target);
	}

}
