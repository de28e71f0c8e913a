package dev.querylens.listeners;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.store.RecordingListener;

/**
 * The task recordings finished so far, in order, for a test to wait on rather than sleep.
 */
public class TaskRecordings implements RecordingListener {

	private final List<AnalyzedRecording> finished = new ArrayList<>();

	@Override
	public synchronized void onFinished(AnalyzedRecording recording) {
		if (recording.recording().getKind() == Kind.TASK) {
			this.finished.add(recording);
			notifyAll();
		}
	}

	/**
	 * Waits for a task recording, finished already or not: the collector calls the
	 * listener once the recording is stored.
	 * @param wanted which recording
	 * @return the first such recording, or {@code null} after 30 seconds without one
	 */
	public synchronized AnalyzedRecording await(Predicate<Recording> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		int seen = 0;
		while (true) {
			for (; seen < this.finished.size(); seen++) {
				if (wanted.test(this.finished.get(seen).recording())) {
					return this.finished.get(seen);
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return null;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
	}

	/**
	 * The task recordings finished so far.
	 * @return a copy, in order
	 */
	public synchronized List<Recording> all() {
		return this.finished.stream().map(AnalyzedRecording::recording).toList();
	}

}
