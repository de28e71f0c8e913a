package dev.querylens.test;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.analysis.StatementType;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

/**
 * The JUnit 5 extension behind {@link QueryLensTest}, {@link ExpectQueries} and
 * {@link FailOnFindings}: records the statements of each test method on its thread, and
 * fails the test when they break an expectation. In a Spring test (one run by Spring's
 * {@code SpringExtension}) the application context's {@link RecordingAnalyzer} is used,
 * otherwise the default one; no state is kept outside JUnit's own stores.
 */
public final class QueryLensExtension
		implements BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterAllCallback, ParameterResolver {

	/**
	 * System property that (re)writes baseline files instead of checking them:
	 * {@code -Dquerylens.baseline=write}.
	 */
	public static final String BASELINE_MODE_PROPERTY = "querylens.baseline";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(QueryLensExtension.class);

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		QueryRecorder recorder = recorder(context);
		Recording.Started recording = Recording.start(Kind.TEST, null,
				context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName(), null,
				QueryRecorder.MAX_QUERIES);
		CurrentRecording.Scope scope = CurrentRecording.bind(recording);
		context.getStore(NAMESPACE).put(Running.class, new Running(recording, scope, recorder));
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
		if (running == null) {
			return;
		}
		running.scope().close();
		Recording finished = running.recording().finish(0, null);
		if (finished == null || context.getExecutionException().isPresent()) {
			// The test's own failure says more than a count would.
			return;
		}
		AnalyzedRecording analyzed = running.recorder().analyze(finished);
		List<String> failures = new ArrayList<>();
		for (ExpectQueries expectation : expectations(context)) {
			String failure = check(analyzed, expectation);
			if (failure != null) {
				failures.add(failure);
			}
		}
		findFailOnFindings(context).map((failOn) -> check(context, analyzed, failOn)).ifPresent(failures::add);
		if (!failures.isEmpty()) {
			throw new AssertionError(String.join("\n\n", failures));
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		@SuppressWarnings("unchecked")
		Map<Path, List<BaselineEntry>> seen = context.getStore(NAMESPACE).get(SeenFindings.class, Map.class);
		if (seen == null) {
			return;
		}
		String test = context.getRequiredTestClass().getName();
		seen.forEach((file, entries) -> {
			BaselineRun run = baselineRun(context, file);
			List<BaselineEntry> gone = run.finishClass(test, entries);
			if (!gone.isEmpty()) {
				String message = "QueryLens baseline " + file + ": " + gone.size() + " known finding"
						+ ((gone.size() == 1) ? "" : "s") + " of " + test
						+ " no longer found (fixed? rewrite the baseline with -D" + BASELINE_MODE_PROPERTY + "=write):"
						+ gone.stream().map((entry) -> "\n  " + entry).collect(Collectors.joining());
				context.publishReportEntry("querylens.baseline.gone", message);
				System.err.println(message);
			}
		});
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == QueryRecorder.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return recorder(extensionContext);
	}

	private static QueryRecorder recorder(ExtensionContext context) {
		RecordingAnalyzer analyzer = isSpringTest(context) ? SpringAnalyzer.find(context) : null;
		return (analyzer != null) ? new QueryRecorder(analyzer) : QueryRecorder.withDefaults();
	}

	private static boolean isSpringTest(ExtensionContext context) {
		Class<?> type = context.getTestClass().orElse(null);
		while (type != null) {
			boolean spring = AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)
				.stream()
				.flatMap((extendWith) -> Arrays.stream(extendWith.value()))
				.anyMatch((extension) -> extension.getName().equals(SPRING_EXTENSION));
			if (spring) {
				return true;
			}
			type = type.getEnclosingClass();
		}
		return false;
	}

	private static List<ExpectQueries> expectations(ExtensionContext context) {
		List<ExpectQueries> onMethod = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestMethod(),
				ExpectQueries.class);
		if (!onMethod.isEmpty()) {
			return onMethod;
		}
		return findOnClasses(context, (type) -> {
			List<ExpectQueries> found = AnnotationSupport.findRepeatableAnnotations(type, ExpectQueries.class);
			return found.isEmpty() ? Optional.empty() : Optional.of(found);
		}).orElse(List.of());
	}

	private static Optional<FailOnFindings> findFailOnFindings(ExtensionContext context) {
		Optional<FailOnFindings> onMethod = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(),
				FailOnFindings.class);
		return onMethod.isPresent() ? onMethod
				: findOnClasses(context, (type) -> AnnotationSupport.findAnnotation(type, FailOnFindings.class));
	}

	// The test class first, then the classes a @Nested test class is nested in.
	private static <T> Optional<T> findOnClasses(ExtensionContext context,
			Function<AnnotatedElement, Optional<T>> finder) {
		Class<?> type = context.getRequiredTestClass();
		while (type != null) {
			Optional<T> found = finder.apply(type);
			if (found.isPresent()) {
				return found;
			}
			type = type.getEnclosingClass();
		}
		return Optional.empty();
	}

	static String check(AnalyzedRecording analyzed, ExpectQueries expectation) {
		List<StatementType> types = List.of(expectation.type());
		int actual = types.isEmpty() ? analyzed.recording().getQueryCount()
				: types.stream().mapToInt((type) -> RecordingDescription.count(analyzed, type)).sum();
		String counted = types.isEmpty() ? "" : types.stream().map(Enum::name).collect(Collectors.joining("/")) + " ";
		String expected;
		int limit;
		if (expectation.exactly() >= 0 && actual != expectation.exactly()) {
			expected = "exactly ";
			limit = expectation.exactly();
		}
		else if (expectation.max() >= 0 && actual > expectation.max()) {
			expected = "at most ";
			limit = expectation.max();
		}
		else if (expectation.min() >= 0 && actual < expectation.min()) {
			expected = "at least ";
			limit = expectation.min();
		}
		else {
			return null;
		}
		return "@ExpectQueries: expected " + expected + limit + " " + counted + ((limit == 1) ? "query" : "queries")
				+ " but found " + actual + ": " + RecordingDescription.describe(analyzed);
	}

	private String check(ExtensionContext context, AnalyzedRecording analyzed, FailOnFindings failOn) {
		List<FindingType> types = List.of(failOn.value());
		List<Finding> found = analyzed.activeFindings()
			.stream()
			.filter((finding) -> types.isEmpty() || finding.isAny(types))
			.toList();
		if (failOn.baseline().isEmpty()) {
			return found.isEmpty() ? null : failure(
					"@FailOnFindings: found " + found.size() + " forbidden finding" + ((found.size() == 1) ? "" : "s"),
					found, analyzed);
		}
		Path file = Path.of(failOn.baseline());
		String test = context.getRequiredTestClass().getName();
		List<BaselineEntry> entries = found.stream().map((finding) -> BaselineEntry.of(test, finding)).toList();
		seenFindings(context, test).computeIfAbsent(file, (key) -> new ArrayList<>()).addAll(entries);
		BaselineRun run = baselineRun(context, file);
		run.saw(test, entries);
		if (run.isWriting()) {
			return null;
		}
		List<Finding> newFindings = run.getBaseline().newFindings(test, found);
		return newFindings.isEmpty() ? null
				: failure(
						"@FailOnFindings: found " + newFindings.size() + " new finding"
								+ ((newFindings.size() == 1) ? "" : "s") + " not in baseline " + file,
						newFindings, analyzed);
	}

	private static String failure(String title, List<Finding> findings, AnalyzedRecording analyzed) {
		StringBuilder text = new StringBuilder(title).append(':');
		for (Finding finding : findings) {
			text.append("\n  ").append(RecordingDescription.describe(finding));
		}
		text.append("\nin ").append(RecordingDescription.describe(analyzed));
		return text.toString();
	}

	// Findings seen per baseline file, kept in the test class's store until the class is
	// done.
	@SuppressWarnings("unchecked")
	private static Map<Path, List<BaselineEntry>> seenFindings(ExtensionContext context, String test) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(SeenFindings.class, (key) -> new HashMap<>(), Map.class);
	}

	private static BaselineRun baselineRun(ExtensionContext context, Path file) {
		boolean writing = "write".equalsIgnoreCase(context.getConfigurationParameter(BASELINE_MODE_PROPERTY)
			.orElse(System.getProperty(BASELINE_MODE_PROPERTY, "")));
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(file.toAbsolutePath().normalize(), (key) -> new BaselineRun(file, writing),
					BaselineRun.class);
	}

	private record Running(Recording.Started recording, CurrentRecording.Scope scope, QueryRecorder recorder) {
	}

	// Key of the findings seen by a test class.
	private static final class SeenFindings {

	}

	/**
	 * One baseline file during a test run: read once; in write mode, rewritten once the
	 * run ends with what each test class saw, keeping the entries of classes that did not
	 * run.
	 */
	private static final class BaselineRun implements AutoCloseable {

		private final Path file;

		private final boolean writing;

		private final Baseline baseline;

		// Per test class that ran, what it saw: in write mode, its entries replace the
		// class's old ones.
		private final Map<String, List<BaselineEntry>> seen = new HashMap<>();

		BaselineRun(Path file, boolean writing) {
			this.file = file;
			this.writing = writing;
			this.baseline = Baseline.read(file);
		}

		boolean isWriting() {
			return this.writing;
		}

		Baseline getBaseline() {
			return this.baseline;
		}

		synchronized void saw(String test, List<BaselineEntry> entries) {
			this.seen.computeIfAbsent(test, (key) -> new ArrayList<>()).addAll(entries);
		}

		synchronized List<BaselineEntry> finishClass(String test, List<BaselineEntry> seen) {
			return this.writing ? List.of() : this.baseline.goneEntries(test, seen);
		}

		@Override
		public synchronized void close() {
			if (this.writing && !this.seen.isEmpty()) {
				Baseline written = this.baseline;
				for (Map.Entry<String, List<BaselineEntry>> entry : this.seen.entrySet()) {
					written = written.replace(entry.getKey(), entry.getValue());
				}
				written.write(this.file);
			}
		}

	}

	/**
	 * Finds the application's analyzer; loaded only in Spring tests, so spring-test stays
	 * optional.
	 */
	private static final class SpringAnalyzer {

		static RecordingAnalyzer find(ExtensionContext context) {
			return SpringExtension.getApplicationContext(context)
				.getBeanProvider(RecordingAnalyzer.class)
				.getIfAvailable();
		}

	}

}
