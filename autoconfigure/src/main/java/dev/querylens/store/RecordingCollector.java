package dev.querylens.store;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.Recording;

/**
 * Takes finished recordings: analyses each once, stores it, and tells the listeners. Never throws.
 */
public final class RecordingCollector {

	private static final Log logger = LogFactory.getLog(RecordingCollector.class);

	private final RecordingAnalyzer analyzer;

	private final RecordingStore store;

	private final List<RecordingListener> listeners;

	/**
	 * Creates a collector.
	 * @param analyzer analyses each recording
	 * @param store keeps them
	 * @param listeners told of each, in order
	 */
	public RecordingCollector(RecordingAnalyzer analyzer, RecordingStore store, List<RecordingListener> listeners) {
		this.analyzer = analyzer;
		this.store = store;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Analyses, stores and publishes a finished recording.
	 * @param recording the finished recording
	 * @return the analysed recording, or {@code null} if analysis failed
	 */
	public AnalyzedRecording collect(Recording recording) {
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
