package dev.querylens.store;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.Recording;

/**
 * Takes finished recordings: analyses each once, stores it, and tells the listeners.
 * Never throws.
 * <p>
 * Given an executor (lean mode), it does all of that there, off the thread that finished
 * the recording: the request then pays nothing for the analysis, and a recording the
 * executor refuses (its queue full) is dropped.
 */
public final class RecordingCollector {

	private static final Log logger = LogFactory.getLog(RecordingCollector.class);

	private final RecordingAnalyzer analyzer;

	private final RecordingStore store;

	private final List<RecordingListener> listeners;

	private final @Nullable Executor background;

	/**
	 * Creates a collector that analyses on the calling thread.
	 * @param analyzer analyses each recording
	 * @param store keeps them
	 * @param listeners told of each, in order
	 */
	public RecordingCollector(RecordingAnalyzer analyzer, RecordingStore store, List<RecordingListener> listeners) {
		this(analyzer, store, listeners, null);
	}

	/**
	 * Creates a collector.
	 * @param analyzer analyses each recording
	 * @param store keeps them
	 * @param listeners told of each, in order
	 * @param background where to analyse, store and publish, or {@code null} for the
	 * calling thread
	 */
	public RecordingCollector(RecordingAnalyzer analyzer, RecordingStore store, List<RecordingListener> listeners,
			@Nullable Executor background) {
		this.analyzer = analyzer;
		this.store = store;
		this.listeners = List.copyOf(listeners);
		this.background = background;
	}

	/**
	 * Analyses, stores and publishes a finished recording, on the calling thread or, for
	 * a collector with an executor, there.
	 * @param recording the finished recording
	 * @return the analysed recording, or {@code null} if analysis failed or happens in
	 * the background
	 */
	public @Nullable AnalyzedRecording collect(Recording recording) {
		if (this.background != null) {
			try {
				this.background.execute(() -> collectHere(recording));
			}
			catch (RejectedExecutionException ex) {
				logger.debug("QueryLens dropped " + recording + ": the analysis queue is full", ex);
			}
			return null;
		}
		return collectHere(recording);
	}

	/**
	 * Whether recordings are analysed off the thread that finished them, so
	 * {@link #collect(Recording)} returns no analysis.
	 * @return {@code true} for a collector with an executor
	 */
	public boolean isInBackground() {
		return this.background != null;
	}

	private @Nullable AnalyzedRecording collectHere(Recording recording) {
		AnalyzedRecording analyzed;
		try {
			analyzed = this.analyzer.analyze(recording);
			this.store.add(analyzed);
		}
		catch (RuntimeException ex) {
			logger.warn("QueryLens could not analyse " + recording, ex);
			return null;
		}
		for (RecordingListener listener : this.listeners) {
			try {
				listener.onFinished(analyzed);
			}
			catch (RuntimeException ex) {
				logger.warn("QueryLens listener " + listener + " failed for " + recording, ex);
			}
		}
		return analyzed;
	}

	/**
	 * Returns the store recordings go to.
	 * @return the store
	 */
	public RecordingStore getStore() {
		return this.store;
	}

}
