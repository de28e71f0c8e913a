package dev.querylens.web.dashboard;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.QueryEvent;
import dev.querylens.explain.QueryExplainer;
import dev.querylens.explain.QueryPlans;
import dev.querylens.report.RecordingDescriptor;
import dev.querylens.report.RecordingSummaryDescriptor;
import dev.querylens.store.RecordingStore;

/**
 * The JSON the badge and the pages read, clearing the history, and the buttons that ask
 * the database about one statement: EXPLAIN, SELECT (the first rows again, read-only)
 * and, on PostgreSQL, EXPLAIN ANALYZE.
 */
final class DashboardApi {

	private static final Log logger = LogFactory.getLog(DashboardApi.class);

	/** How many rows the SELECT button shows at most. */
	static final int SELECT_ROWS = 50;

	private final RecordingStore store;

	private final boolean showParameters;

	private final QueryExplainer explainer;

	private final QueryPlans plans;

	DashboardApi(RecordingStore store, boolean showParameters, QueryExplainer explainer, QueryPlans plans) {
		this.store = store;
		this.showParameters = showParameters;
		this.explainer = explainer;
		this.plans = plans;
	}

	void list(HttpServletResponse response) throws IOException {
		List<RecordingSummaryDescriptor> summaries = this.store.findAll()
			.stream()
			.map(RecordingSummaryDescriptor::of)
			.toList();
		JsonResponse.write(response, HttpServletResponse.SC_OK, Map.of("recordings", summaries));
	}

	void clear(HttpServletResponse response) {
		this.store.clear();
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	void recording(HttpServletResponse response, String id) throws IOException {
		Optional<AnalyzedRecording> recording = this.store.findById(id);
		if (recording.isPresent()) {
			JsonResponse.write(response, HttpServletResponse.SC_OK,
					RecordingDescriptor.of(recording.get(), this.showParameters, this.plans));
		}
		else {
			JsonResponse.write(response, HttpServletResponse.SC_NOT_FOUND,
					Map.of("error", "This recording is no longer available."));
		}
	}

	/**
	 * Runs one of the buttons on a recorded statement.
	 * @param response the response
	 * @param id the recording's id
	 * @param index the statement's index in it, digits only
	 * @param action {@code explain}, {@code select} or {@code analyze}
	 * @throws IOException when the response cannot be written
	 */
	void run(HttpServletResponse response, String id, String index, String action) throws IOException {
		int wanted = Integer.parseInt(index);
		Optional<QueryEvent> query = this.store.findById(id)
			.flatMap((analyzed) -> analyzed.queries()
				.stream()
				.map((analyzedQuery) -> analyzedQuery.event())
				.filter((event) -> event.index() == wanted)
				.findFirst());
		if (query.isEmpty()) {
			JsonResponse.write(response, HttpServletResponse.SC_NOT_FOUND,
					Map.of("error", "This recording or statement is no longer available."));
			return;
		}
		try {
			// The explainer decides, on the database's own reading of the text, what may
			// run.
			Object result = switch (action) {
				case "select" -> this.explainer.select(query.get(), SELECT_ROWS);
				case "analyze" -> this.explainer.analyze(query.get());
				default -> this.explainer.explain(query.get());
			};
			JsonResponse.write(response, HttpServletResponse.SC_OK, result);
		}
		catch (IllegalArgumentException ex) {
			JsonResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, Map.of("error", ex.getMessage()));
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("QueryLens could not " + action + " statement " + index + " of " + id, ex);
			JsonResponse.write(response, 422, Map.of("error", "The database could not "
					+ (action.equals("select") ? "run" : "explain") + " this statement: " + ex.getMessage()));
		}
	}

}
