package dev.querylens.capture;

import org.jspecify.annotations.Nullable;

/**
 * The Spring Data repository method running on this thread, as the repository's own
 * invocation notes it, so that whoever needs to know which repository method a statement
 * came from (the Hibernate lazy-load tracking) asks here instead of walking the stack.
 * <p>
 * {@link #isTracked()} says whether anything notes it at all in this JVM: only then does
 * a {@code null} from {@link #get()} mean that no repository method is running.
 */
public final class CurrentRepositoryMethod {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private static volatile boolean tracked;

	private CurrentRepositoryMethod() {
	}

	/**
	 * Returns the innermost repository method running on this thread.
	 * @return its name as {@code OrderRepository.findAllByOrderByIdAsc}, or {@code null}
	 * when none runs
	 */
	public static @Nullable String get() {
		return CURRENT.get();
	}

	/**
	 * Notes that a repository method starts on this thread.
	 * @param name its name, as {@code OrderRepository.findAllByOrderByIdAsc}
	 * @return the method it runs inside of, to give back to {@link #exit(String)}
	 */
	public static @Nullable String enter(String name) {
		String outer = CURRENT.get();
		CURRENT.set(name);
		return outer;
	}

	/**
	 * Notes that a repository method returned (or threw).
	 * @param outer what {@link #enter(String)} returned
	 */
	public static void exit(@Nullable String outer) {
		if (outer == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(outer);
		}
	}

	/**
	 * Says that repository invocations are noted from now on.
	 */
	public static void track() {
		tracked = true;
	}

	/**
	 * Whether repository invocations are noted, so that {@link #get()} is to be believed.
	 * @return {@code true} once {@link #track()} was called
	 */
	public static boolean isTracked() {
		return tracked;
	}

}
