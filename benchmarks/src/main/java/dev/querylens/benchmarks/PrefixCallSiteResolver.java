package dev.querylens.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.querylens.capture.CallSite;

/**
 * QueryLens's call-site resolver as it was before the verdict was cached per class, kept
 * here only so the benchmark can measure it beside the current one in the same run: a
 * stream over the stack, and every package prefix and generated-class marker compared
 * with every frame's class name until the first application frame.
 */
final class PrefixCallSiteResolver {

	private static final List<String> EXCLUDES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
			"org.springframework.", "org.hibernate.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.",
			"org.mariadb.", "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.", "org.apache.", "org.thymeleaf.",
			"org.attoparser.", "org.unbescape.", "io.micrometer.", "net.ttddyy.", "com.p6spy.", "org.junit.",
			"org.assertj.", "org.mockito.", "com.fasterxml.", "tools.jackson.", "org.aspectj.", "net.bytebuddy.",
			"kotlin.", "kotlinx.", "reactor.", "org.jooq.", "org.mybatis.", "org.apache.ibatis.",
			"dev.querylens.capture.", "dev.querylens.jdbc.", "dev.querylens.analysis.", "dev.querylens.hibernate.",
			"dev.querylens.store.", "dev.querylens.web.", "dev.querylens.actuate.", "dev.querylens.metrics.",
			"dev.querylens.test.", "dev.querylens.autoconfigure.");

	private static final List<String> GENERATED_MARKERS = List.of("$HibernateProxy", "$$SpringCGLIB$$",
			"$$EnhancerBySpringCGLIB$$", "$ByteBuddy$", "jdk.proxy", "$Proxy");

	private final StackWalker walker;

	private final String[] excludes;

	PrefixCallSiteResolver(List<String> additionalExcludes) {
		this(additionalExcludes, 0);
	}

	// A depth hint above 0 makes the walker fetch that many frames in its first batch
	// instead of a few.
	PrefixCallSiteResolver(List<String> additionalExcludes, int estimatedDepth) {
		this.walker = (estimatedDepth > 0) ? StackWalker.getInstance(Set.of(), estimatedDepth)
				: StackWalker.getInstance();
		List<String> all = new ArrayList<>(EXCLUDES);
		all.addAll(additionalExcludes);
		this.excludes = all.toArray(String[]::new);
	}

	CallSite resolve() {
		return this.walker.walk((frames) -> frames.filter((frame) -> isApplication(frame.getClassName()))
			.findFirst()
			.map((frame) -> new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
					frame.getLineNumber()))
			.orElse(null));
	}

	/**
	 * The same verdict over {@link Thread#getStackTrace()}, which builds a
	 * {@link StackTraceElement} for every frame of the stack before the first is looked
	 * at: an alternative to the walker, measured beside it.
	 * @return the call site, or {@code null}
	 */
	CallSite resolveFromStackTrace() {
		for (StackTraceElement element : Thread.currentThread().getStackTrace()) {
			if (isApplication(element.getClassName())) {
				return new CallSite(element.getClassName(), element.getMethodName(), element.getFileName(),
						element.getLineNumber());
			}
		}
		return null;
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
