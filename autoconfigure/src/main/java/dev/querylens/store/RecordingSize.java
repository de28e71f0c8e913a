package dev.querylens.store;

import java.util.List;

import dev.querylens.analysis.AnalyzedQuery;
import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.capture.ConnectionFailure;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTally;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

/**
 * Estimates the heap a finished recording and its analysis hold, once, when it is stored:
 * two bytes per character of every string it keeps (SQL, fingerprints, parameters,
 * messages, errors), a fixed allowance per object (a statement, a parameter, a finding, a
 * tally, a lazy load, a failed connection, the recording itself), and nothing for what is
 * shared with the rest of the application (thread and data source names, the frames of
 * call sites). The estimate errs high: most strings are stored one byte per character.
 */
final class RecordingSize {

	static final long RECORDING = 512;

	static final long QUERY = 160;

	static final long PARAMETER = 24;

	static final long FINDING = 160;

	static final long TALLY = 96;

	static final long LAZY_LOAD = 128;

	static final long CONNECTION_FAILURE = 96;

	// A string's header and length fields.
	static final long STRING = 40;

	private RecordingSize() {
	}

	static long estimate(AnalyzedRecording analyzed) {
		Recording recording = analyzed.recording();
		long size = RECORDING + text(recording.getMethod()) + text(recording.getUri()) + text(recording.getQuery())
				+ text(recording.getPattern()) + text(recording.getViewName());
		for (AnalyzedQuery query : analyzed.queries()) {
			QueryEvent event = query.event();
			size += QUERY + text(event.sql()) + text(event.error()) + text(event.widestColumn());
			// The fingerprint is often the same string as the SQL's cached one, but
			// counted: it may not be.
			size += text(query.fingerprint());
			size += parameters(event.parameters());
		}
		for (Finding finding : analyzed.findings()) {
			size += FINDING + text(finding.message()) + text(finding.fingerprint()) + text(finding.suggestion())
					+ text(finding.callSite()) + text(finding.association()) + 16L * finding.queryIndexes().size();
		}
		for (SqlTally tally : recording.getOverflow()) {
			size += TALLY + text(tally.sql());
		}
		for (LazyLoad load : EntityLoads.of(recording).lazyLoads()) {
			size += LAZY_LOAD + text(load.entity()) + text(load.attribute()) + text(load.rootEntity())
					+ text(load.path()) + text(load.loader());
		}
		for (ConnectionFailure failure : recording.getConnectionFailures()) {
			size += CONNECTION_FAILURE + text(failure.error());
		}
		return size;
	}

	private static long parameters(List<Object> parameters) {
		if (parameters == null) {
			return 0;
		}
		long size = 16L + 8L * parameters.size();
		for (Object parameter : parameters) {
			size += PARAMETER + ((parameter instanceof String text) ? text(text) : 0);
		}
		return size;
	}

	private static long text(String text) {
		return (text != null) ? STRING + 2L * text.length() : 0;
	}

}
