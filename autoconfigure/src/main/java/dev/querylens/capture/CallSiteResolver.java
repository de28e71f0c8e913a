package dev.querylens.capture;

import java.lang.StackWalker.StackFrame;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the application frames of a stack: the innermost one is the call site of a query,
 * the next ones outwards its call path.
 * <p>
 * A class is application code when it is in one of the application's packages (for a
 * Spring Boot application, the packages of its {@code @SpringBootApplication} class),
 * otherwise when it is outside the JDK, Spring, Hibernate, pools, drivers and the other
 * {@linkplain #DEFAULT_EXCLUDES excluded packages}. Generated proxies and QueryLens's own
 * classes never are, whatever their package. The application packages come first so that
 * an application whose package starts like a framework's
 * ({@code org.springframework.samples.petclinic}) still has call sites.
 * <p>
 * The verdict is computed once per class and cached, so a stack walk costs one lookup per
 * frame; the walk stops once the frames it needs are found: the call path's last
 * application frame, the first frame of an {@linkplain #ENTRY_POINTS entry point} (the
 * servlet container, a dispatcher, a test engine) past the call site, or a long run of
 * framework frames past the last application frame.
 */
public final class CallSiteResolver {

	/**
	 * Package prefixes that are not application code, unless in an application package.
	 */
	public static final List<String> DEFAULT_EXCLUDES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
			"com.sun.", "org.springframework.", "org.hibernate.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.",
			"org.mariadb.", "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.", "org.apache.", "org.thymeleaf.",
			"org.attoparser.", "org.unbescape.", "io.micrometer.", "net.ttddyy.", "com.p6spy.", "org.junit.",
			"org.assertj.", "org.mockito.", "com.fasterxml.", "tools.jackson.", "org.aspectj.", "net.bytebuddy.",
			"kotlin.", "kotlinx.", "reactor.", "org.jooq.", "org.mybatis.", "org.apache.ibatis.", "org.openjdk.jmh.");

	/**
	 * Package prefixes of the code that calls into an application from outside: the
	 * servlet container, the web frameworks' dispatchers, test engines. A call path ends
	 * at the first of their frames, since no application method that led to the statement
	 * lies below it.
	 */
	public static final List<String> ENTRY_POINTS = List.of("org.springframework.web.servlet.",
			"org.springframework.web.reactive.", "jakarta.servlet.", "org.apache.catalina.", "org.apache.coyote.",
			"org.apache.tomcat.", "org.eclipse.jetty.", "io.undertow.", "reactor.netty.", "org.junit.",
			"org.openjdk.jmh.");

	/**
	 * How many application frames a call path keeps by default, the call site included.
	 */
	public static final int DEFAULT_MAX_CALL_PATH = 8;

	// A call path also ends after this many frames in a row that are not application
	// code, for stacks that reach
	// no known entry point: each frame walked costs about as much as the call site
	// itself.
	static final int MAX_FRAMES_BETWEEN_CALLERS = 32;

	private static final String QUERYLENS_PACKAGE = "dev.querylens.";

	// Markers of generated classes that sit between the caller and the framework.
	private static final List<String> GENERATED_MARKERS = List.of("$HibernateProxy", "$$SpringCGLIB$$",
			"$$EnhancerBySpringCGLIB$$", "$ByteBuddy$", "jdk.proxy", "$Proxy");

	private static final StackTraceElement[] NO_CALLERS = {};

	private final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private final Function<Stream<StackFrame>, CallSite> applicationFrames = this::applicationFrames;

	private final ClassValue<Verdict> verdicts = new ClassValue<>() {

		@Override
		protected Verdict computeValue(Class<?> type) {
			if (isApplication(type)) {
				return Verdict.APPLICATION;
			}
			return startsWithAny(type.getName(), ENTRY_POINTS) ? Verdict.ENTRY_POINT : Verdict.FRAMEWORK;
		}

	};

	private final CallSiteMode mode;

	private final String[] applicationPackages;

	private final String[] excludes;

	private final int maxCallPath;

	private final String queryLensLocation = location(CallSiteResolver.class);

	// What this resolver last found on each thread, so that code that wraps the
	// statements it runs (a lazy load) can take their call site instead of walking the
	// same frames again.
	private final ThreadLocal<Resolved> resolved = ThreadLocal.withInitial(Resolved::new);

	/**
	 * Creates a resolver that knows no application package and keeps
	 * {@value #DEFAULT_MAX_CALL_PATH} frames.
	 * @param mode how much to capture
	 * @param additionalExcludes package prefixes to skip besides
	 * {@link #DEFAULT_EXCLUDES}
	 */
	public CallSiteResolver(CallSiteMode mode, List<String> additionalExcludes) {
		this(mode, List.of(), additionalExcludes, DEFAULT_MAX_CALL_PATH);
	}

	/**
	 * Creates a resolver.
	 * @param mode how much to capture
	 * @param applicationPackages packages of application code (e.g.
	 * {@code com.example.shop}); their classes and those of their sub-packages are
	 * application code even when an exclude matches them
	 * @param additionalExcludes package prefixes to skip besides
	 * {@link #DEFAULT_EXCLUDES}
	 * @param maxCallPath how many application frames to keep, the call site included; at
	 * least 1
	 */
	public CallSiteResolver(CallSiteMode mode, List<String> applicationPackages, List<String> additionalExcludes,
			int maxCallPath) {
		if (maxCallPath < 1) {
			throw new IllegalArgumentException("A call path keeps at least 1 frame, not " + maxCallPath);
		}
		this.mode = mode;
		this.applicationPackages = applicationPackages.stream()
			.filter(Objects::nonNull)
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.map((name) -> name.endsWith(".") ? name : name + ".")
			.distinct()
			.toArray(String[]::new);
		List<String> all = new ArrayList<>(DEFAULT_EXCLUDES);
		additionalExcludes.stream().filter((prefix) -> prefix != null && !prefix.isBlank()).forEach(all::add);
		this.excludes = all.toArray(String[]::new);
		this.maxCallPath = maxCallPath;
	}

	/**
	 * Whether a call site should be captured for this execution.
	 * @param recording the recording the statement belongs to
	 * @param sql the statement
	 * @return whether to call {@link #resolve()}
	 */
	public boolean shouldResolve(Recording.Started recording, String sql) {
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
	 * Returns the innermost application frame of the calling thread's stack, with the
	 * application frames that led to it as its {@linkplain CallSite#callPath() call
	 * path}.
	 * @return the call site, or {@code null} when no frame is application code
	 */
	public CallSite resolve() {
		CallSite callSite = this.walker.walk(this.applicationFrames);
		Resolved last = this.resolved.get();
		last.count++;
		last.callSite = callSite;
		return callSite;
	}

	/**
	 * Returns how many times {@link #resolve()} walked the calling thread's stack, to
	 * compare with a later count.
	 * @return the count on this thread
	 */
	public long resolutions() {
		return this.resolved.get().count;
	}

	/**
	 * Returns the call site of the calling thread's stack as of a point where
	 * {@link #resolutions()} gave this count: the one resolved since for a statement run
	 * below that point, whose application frames are the same as long as no application
	 * code ran in between, or else a walk of the stack now.
	 * @param resolutions the count taken at that point, on this thread
	 * @return the call site, or {@code null} when no frame is application code
	 */
	public @Nullable CallSite resolveSince(long resolutions) {
		Resolved last = this.resolved.get();
		return (last.count != resolutions) ? last.callSite : resolve();
	}

	private CallSite applicationFrames(Stream<StackFrame> frames) {
		Iterator<StackFrame> iterator = frames.iterator();
		StackTraceElement callSite = null;
		StackTraceElement[] callers = NO_CALLERS;
		int callerCount = 0;
		int sinceLast = 0;
		while (iterator.hasNext()) {
			StackFrame frame = iterator.next();
			Verdict verdict = this.verdicts.get(frame.getDeclaringClass());
			if (verdict != Verdict.APPLICATION) {
				if (callSite != null && (verdict == Verdict.ENTRY_POINT || ++sinceLast > MAX_FRAMES_BETWEEN_CALLERS)) {
					break;
				}
				continue;
			}
			sinceLast = 0;
			if (callSite == null) {
				callSite = frame.toStackTraceElement();
			}
			else {
				if (callerCount == callers.length) {
					callers = Arrays.copyOf(callers, Math.min(Math.max(2, callerCount * 2), this.maxCallPath - 1));
				}
				callers[callerCount++] = frame.toStackTraceElement();
			}
			if (1 + callerCount == this.maxCallPath) {
				break;
			}
		}
		if (callSite == null) {
			return null;
		}
		return new CallSite(callSite, (callerCount == callers.length) ? callers : Arrays.copyOf(callers, callerCount));
	}

	/**
	 * Whether a class is application code, as cached for the stack walks.
	 * @param type the class
	 * @return {@code true} if its frames count as application frames
	 */
	boolean isApplicationClass(Class<?> type) {
		return this.verdicts.get(type) == Verdict.APPLICATION;
	}

	/**
	 * Whether a class calls into the application from outside, so that a call path ends
	 * at its frames.
	 * @param type the class
	 * @return {@code true} for the servlet container, a dispatcher or a test engine
	 */
	boolean isEntryPoint(Class<?> type) {
		return this.verdicts.get(type) == Verdict.ENTRY_POINT;
	}

	// Uncached: called once per class.
	private boolean isApplication(Class<?> type) {
		String name = type.getName();
		if (isGenerated(name)) {
			return false;
		}
		if (isQueryLens(type)) {
			// Only an application package inside QueryLens's own (an application shaded
			// into one jar with it)
			// makes one of these application code.
			return isInApplicationPackageInsideQueryLens(name);
		}
		return isApplication(name);
	}

	/**
	 * Whether a class name is application code by the package rules alone: generated
	 * proxies are not, the application packages are, the excluded packages are not,
	 * everything else is. QueryLens's own classes are told by
	 * {@link #isApplicationClass(Class)}, which needs the class.
	 * @param className the fully qualified class name
	 * @return {@code true} if it is application code
	 */
	public boolean isApplication(String className) {
		if (isGenerated(className)) {
			return false;
		}
		if (isInApplicationPackage(className)) {
			return true;
		}
		for (String exclude : this.excludes) {
			if (className.startsWith(exclude)) {
				return false;
			}
		}
		return true;
	}

	private boolean isInApplicationPackage(String className) {
		for (String applicationPackage : this.applicationPackages) {
			if (className.startsWith(applicationPackage)) {
				return true;
			}
		}
		return false;
	}

	private boolean isInApplicationPackageInsideQueryLens(String className) {
		for (String applicationPackage : this.applicationPackages) {
			if (className.startsWith(applicationPackage) && applicationPackage.startsWith(QUERYLENS_PACKAGE)
					&& applicationPackage.length() > QUERYLENS_PACKAGE.length()) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithAny(String className, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isGenerated(String className) {
		for (String marker : GENERATED_MARKERS) {
			if (className.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	// QueryLens's own classes are those loaded from where this one was: the demo
	// application, the tests' own
	// applications and any other code in a dev.querylens package elsewhere are
	// application code, and a new
	// QueryLens package needs no entry in a list.
	private boolean isQueryLens(Class<?> type) {
		return type.getName().startsWith(QUERYLENS_PACKAGE) && Objects.equals(location(type), this.queryLensLocation);
	}

	private static String location(Class<?> type) {
		try {
			ProtectionDomain domain = type.getProtectionDomain();
			CodeSource source = (domain != null) ? domain.getCodeSource() : null;
			return (source != null && source.getLocation() != null) ? source.getLocation().toExternalForm() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static final class Resolved {

		private long count;

		private @Nullable CallSite callSite;

	}

	private enum Verdict {

		APPLICATION, FRAMEWORK, ENTRY_POINT

	}

}
