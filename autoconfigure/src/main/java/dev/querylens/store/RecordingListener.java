package dev.querylens.store;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Told of every finished, analysed recording.
 */
@FunctionalInterface
public interface RecordingListener {

	/**
	 * Called once per finished recording, on the thread that finished it.
	 * @param recording the analysed recording
	 */
	void onFinished(AnalyzedRecording recording);

}
