package dev.querylens.store;

import java.util.List;
import java.util.Optional;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Finished recordings with their analysis, append-only: a recording once added is never
 * changed. The default is {@link InMemoryRecordingStore}; define a bean of this type to
 * keep them elsewhere.
 */
public interface RecordingStore {

	/**
	 * Adds a finished recording, evicting the oldest if the store is full.
	 * @param recording the analysed recording
	 */
	void add(AnalyzedRecording recording);

	/**
	 * Returns the recordings held, newest first.
	 * @return the recordings
	 */
	List<AnalyzedRecording> findAll();

	/**
	 * Finds a recording by its id.
	 * @param id the id
	 * @return the recording, or empty once evicted or never known
	 */
	Optional<AnalyzedRecording> findById(String id);

	/**
	 * Removes every recording.
	 */
	void clear();

}
