package dev.querylens.test;

import java.util.Objects;
import java.util.concurrent.Callable;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

/**
 * Records the statements a block of code runs on the current thread (and on threads it
 * hands work to with {@link CurrentRecording#wrap}), and analyses them. A statement is
 * recorded when it is created while the block runs, on a connection of a
 * QueryLens-wrapped data source, whenever that connection was opened.
 * <p>
 * {@link QueryLens} offers the same with the default analysis; in a Spring test, the
 * {@link QueryLensExtension} passes a recorder that uses the application's
 * {@link RecordingAnalyzer}, so findings name JPA associations.
 */
public final class QueryRecorder {

	/** Statements kept in full per recording; past it they are still counted. */
	public static final int MAX_QUERIES = 10_000;

	private final RecordingAnalyzer analyzer;

	/**
	 * Creates a recorder.
	 * @param analyzer analyses each recording
	 */
	public QueryRecorder(RecordingAnalyzer analyzer) {
		this.analyzer = Objects.requireNonNull(analyzer, "'analyzer' must not be null");
	}

	/**
	 * Creates a recorder with the built-in detectors, an N+1 threshold of 3, and no JPA
	 * association names.
	 * @return the recorder
	 */
	public static QueryRecorder withDefaults() {
		return new QueryRecorder(RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none()));
	}

	/**
	 * Returns the analyzer this recorder uses.
	 * @return the analyzer
	 */
	public RecordingAnalyzer getAnalyzer() {
		return this.analyzer;
	}

	/**
	 * Records a block.
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the analysed recording
	 */
	public AnalyzedRecording record(Work work) {
		return record(defaultName(), work);
	}

	/**
	 * Records a named block.
	 * @param name what the block does, shown in failure messages
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the analysed recording
	 */
	public AnalyzedRecording record(String name, Work work) {
		return recordResult(name, () -> {
			work.run();
			return null;
		}).recording();
	}

	/**
	 * Records a block that returns a value.
	 * @param <T> the value's type
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the value together with the analysed recording
	 */
	public <T> Recorded<T> recordResult(Callable<T> work) {
		return recordResult(defaultName(), work);
	}

	/**
	 * Records a named block that returns a value.
	 * @param <T> the value's type
	 * @param name what the block does, shown in failure messages
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the value together with the analysed recording
	 */
	public <T> Recorded<T> recordResult(String name, Callable<T> work) {
		Recording.Started recording = Recording.start(Kind.TEST, null, name, null, MAX_QUERIES);
		T value;
		try (CurrentRecording.Scope scope = CurrentRecording.bind(recording)) {
			value = work.call();
		}
		catch (Exception ex) {
			recording.finish(0, null);
			throw QueryRecorder.<RuntimeException>rethrow(ex);
		}
		// Started here and bound to this block only, so this call is the one that
		// finishes it.
		Recording finished = Objects.requireNonNull(recording.finish(0, null));
		return new Recorded<>(value, this.analyzer.analyze(finished));
	}

	/**
	 * Analyses a finished recording, such as one made by hand with
	 * {@link Recording#start} and {@link Recording.Started#finish}.
	 * @param recording the finished recording
	 * @return the analysis
	 */
	public AnalyzedRecording analyze(Recording recording) {
		return this.analyzer.analyze(recording);
	}

	private static String defaultName() {
		// The caller of record(…), so that a failure message says which block it was.
		return StackWalker.getInstance()
			.walk((frames) -> frames.filter((frame) -> !isOwn(frame.getClassName()))
				.findFirst()
				.map((frame) -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
						+ frame.getMethodName())
				.orElse("block"));
	}

	private static boolean isOwn(String className) {
		for (String own : new String[] { QueryRecorder.class.getName(), QueryLens.class.getName() }) {
			if (className.equals(own) || className.startsWith(own + "$")) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E rethrow(Throwable ex) throws E {
		throw (E) ex;
	}

	/**
	 * A block of code to record.
	 */
	@FunctionalInterface
	public interface Work {

		/**
		 * Runs the block.
		 * @throws Exception whatever the block throws, rethrown unchanged by the recorder
		 */
		void run() throws Exception;

	}

	/**
	 * The value a recorded block returned, and its recording.
	 *
	 * @param <T> the value's type
	 * @param value what the block returned
	 * @param recording the analysed recording
	 */
	public record Recorded<T>(T value, AnalyzedRecording recording) {
	}

}
