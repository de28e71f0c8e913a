package dev.querylens.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the first stack frame of application code: the first frame outside the JDK, Spring,
 * Hibernate, pools, drivers, generated proxies and QueryLens itself.
 */
public final class CallSiteResolver {

	/** Package prefixes that are never application code. */
	public static final List<String> DEFAULT_EXCLUDES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
			"com.sun.", "org.springframework.", "org.hibernate.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.",
			"org.mariadb.", "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.", "org.apache.", "org.thymeleaf.",
			"org.attoparser.", "org.unbescape.", "io.micrometer.", "net.ttddyy.", "com.p6spy.", "org.junit.",
			"org.assertj.", "org.mockito.", "com.fasterxml.", "tools.jackson.", "org.aspectj.", "net.bytebuddy.",
			"kotlin.", "kotlinx.", "reactor.", "org.jooq.", "org.mybatis.", "org.apache.ibatis.",
			"dev.querylens.capture.", "dev.querylens.jdbc.", "dev.querylens.analysis.", "dev.querylens.hibernate.",
			"dev.querylens.store.", "dev.querylens.web.", "dev.querylens.actuate.", "dev.querylens.metrics.",
			"dev.querylens.test.", "dev.querylens.autoconfigure.");

	// Markers of generated classes that sit between the caller and the framework.
	private static final List<String> GENERATED_MARKERS = List.of("$HibernateProxy", "$$SpringCGLIB$$",
			"$$EnhancerBySpringCGLIB$$", "$ByteBuddy$", "jdk.proxy", "$Proxy");

	private final StackWalker walker = StackWalker.getInstance();

	private final CallSiteMode mode;

	private final String[] excludes;

	/**
	 * Creates a resolver.
	 * @param mode how much to capture
	 * @param additionalExcludes package prefixes to skip besides {@link #DEFAULT_EXCLUDES}
	 */
	public CallSiteResolver(CallSiteMode mode, List<String> additionalExcludes) {
		this.mode = mode;
		List<String> all = new ArrayList<>(DEFAULT_EXCLUDES);
		all.addAll(additionalExcludes);
		this.excludes = all.toArray(String[]::new);
	}

	/**
	 * Whether a call site should be captured for this execution.
	 * @param recording the recording the statement belongs to
	 * @param sql the statement
	 * @return whether to call {@link #resolve()}
	 */
	public boolean shouldResolve(Recording recording, String sql) {
		return switch (this.mode) {
			case NONE -> false;
			case FULL -> true;
			case FIRST_APP_FRAME -> recording.wantsCallSite(sql);
		};
	}

	/**
	 * Whether call sites are captured at all.
	 * @return {@code false} when the mode is {@link CallSiteMode#NONE}
	 */
	public boolean isEnabled() {
		return this.mode != CallSiteMode.NONE;
	}

	/**
	 * Returns the first application frame of the calling thread's stack.
	 * @return the call site, or {@code null} when no frame is application code
	 */
	public CallSite resolve() {
		return this.walker.walk((frames) -> frames.filter((frame) -> isApplication(frame.getClassName()))
			.findFirst()
			.map((frame) -> new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
					frame.getLineNumber()))
			.orElse(null));
	}

	boolean isApplication(String className) {
		for (String exclude : this.excludes) {
			if (className.startsWith(exclude)) {
				return false;
			}
		}
		for (String marker : GENERATED_MARKERS) {
			if (className.contains(marker)) {
				return false;
			}
		}
		return true;
	}

}
