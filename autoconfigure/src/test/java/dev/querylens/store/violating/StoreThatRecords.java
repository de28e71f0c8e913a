package dev.querylens.store.violating;

import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

/**
 * Makes a recording of its own in the store's package, on purpose: the class that
 * {@code ArchitectureTests} shows its rule fails on. Not part of the library.
 */
public final class StoreThatRecords {

	private StoreThatRecords() {
	}

	/**
	 * Rewrites a recording the wrong way.
	 * @param recording a finished recording
	 * @return another one, made in the store
	 */
	public static Recording rewrite(Recording recording) {
		Recording.Started started = Recording.start(Kind.TEST, null, recording.getUri(), null, 1);
		return started.finish(0, null);
	}

}
