package dev.querylens.explain;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.QueryEvent;

/**
 * Explains the slow SELECTs of finished recordings, once per fingerprint, on an executor
 * (never the request's thread), through the {@link QueryExplainer}, and keeps each plan
 * in {@link QueryPlans}, where the report reads it. Reads PostgreSQL
 * ({@code Seq Scan … Filter}), MySQL and MariaDB ({@code type: ALL}) and H2
 * ({@code tableScan}) plans; on other databases nothing is added.
 */
public final class SlowQueryExplainer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SlowQueryExplainer.class);

	private final QueryExplainer explainer;

	private final QueryPlans plans;

	private final Executor executor;

	/**
	 * Creates an explainer.
	 * @param explainer runs EXPLAIN
	 * @param plans where the plans go
	 * @param executor runs each EXPLAIN; it should be bounded, and may refuse work when
	 * full
	 */
	public SlowQueryExplainer(QueryExplainer explainer, QueryPlans plans, Executor executor) {
		this.explainer = explainer;
		this.plans = plans;
		this.executor = executor;
	}

	/**
	 * Hands the EXPLAIN of each slow SELECT of a finished recording whose fingerprint has
	 * no plan yet to the executor.
	 * @param analyzed the finished recording
	 */
	public void explainSlowQueries(AnalyzedRecording analyzed) {
		for (Finding finding : analyzed.findings()) {
			if (finding.type() != FindingType.SLOW_QUERY || finding.queryIndexes().isEmpty()
					|| !isRead(finding.fingerprint())) {
				continue;
			}
			QueryEvent event = eventOf(analyzed, finding.queryIndexes().get(0));
			if (!QueryExplainer.isExplainable(event)) {
				continue;
			}
			CompletableFuture<QueryPlan> plan = this.plans.claim(finding.fingerprint());
			if (plan == null) {
				continue;
			}
			try {
				this.executor.execute(() -> explainInto(plan, event));
			}
			catch (RejectedExecutionException ex) {
				// Busy: a later recording of this statement tries again.
				this.plans.forget(finding.fingerprint(), plan);
				plan.complete(null);
			}
		}
	}

	private void explainInto(CompletableFuture<QueryPlan> plan, QueryEvent event) {
		try {
			plan.complete(this.explainer.explain(event));
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("QueryLens could not EXPLAIN " + event.sql(), ex);
			plan.complete(null);
		}
	}

	private static boolean isRead(String fingerprint) {
		return fingerprint.startsWith("select ") || fingerprint.startsWith("with ");
	}

	private static QueryEvent eventOf(AnalyzedRecording analyzed, int index) {
		for (QueryEvent event : analyzed.recording().getQueries()) {
			if (event.index() == index) {
				return event;
			}
		}
		return null;
	}

	/**
	 * Stops the executor when it is an {@link ExecutorService}, as the
	 * auto-configuration's own one is.
	 */
	@Override
	public void close() {
		if (this.executor instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

}
