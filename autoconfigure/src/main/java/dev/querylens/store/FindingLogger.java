package dev.querylens.store;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingText;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.Recording;

/**
 * Logs one WARN line per recording with an N+1, as Bullet's log does: the request, how
 * many statements repeated, their shape, the call site and the fix.
 */
public final class FindingLogger implements RecordingListener {

	private final Log logger;

	/**
	 * Creates a logger writing to the {@code dev.querylens} category.
	 */
	public FindingLogger() {
		this(LogFactory.getLog("dev.querylens.NPlusOne"));
	}

	FindingLogger(Log logger) {
		this.logger = logger;
	}

	@Override
	public void onFinished(AnalyzedRecording analyzed) {
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		String nPlusOnes = analyzed.activeFindings()
			.stream()
			.filter((finding) -> finding.is(FindingType.N_PLUS_ONE))
			.map(FindingText::withoutType)
			.collect(Collectors.joining("; "));
		if (!nPlusOnes.isEmpty()) {
			Recording recording = analyzed.recording();
			this.logger.warn("N+1 queries in " + describe(recording) + ": " + nPlusOnes);
		}
	}

	private static String describe(Recording recording) {
		String method = (recording.getMethod() != null) ? recording.getMethod() + " " : "";
		String query = (recording.getQuery() != null) ? "?" + recording.getQuery() : "";
		return method + recording.getUri() + query + " [" + recording.getId() + ", " + recording.getQueryCount()
				+ " queries]";
	}

}
