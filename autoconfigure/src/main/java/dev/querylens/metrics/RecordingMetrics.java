package dev.querylens.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.store.RecordingListener;

/**
 * Records the meters of every finished HTTP and task recording: statements and their time
 * per request or task run, and findings by type. Percentiles and histograms come from the
 * registry's meter filters (in Boot, the {@code management.metrics.distribution.*}
 * properties).
 */
public final class RecordingMetrics implements RecordingListener {

	/** Distribution summary of the statements of each request. */
	public static final String QUERIES = "querylens.recording.queries";

	/** Timer of the time spent executing statements, per request. */
	public static final String QUERY_TIME = "querylens.recording.query.time";

	/** Counter of findings, by type. */
	public static final String FINDINGS = "querylens.findings";

	/** Distribution summary of the statements of each task run. */
	public static final String TASK_QUERIES = "querylens.task.queries";

	/** Timer of the time spent executing statements, per task run. */
	public static final String TASK_QUERY_TIME = "querylens.task.query.time";

	/** Counter of findings in task runs, by type. */
	public static final String TASK_FINDINGS = "querylens.task.findings";

	private final MeterRegistry registry;

	/**
	 * Creates the meters' recorder.
	 * @param registry where the meters go
	 */
	public RecordingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onFinished(AnalyzedRecording analyzed) {
		Recording recording = analyzed.recording();
		if (recording.getKind() == Kind.TASK) {
			onTaskFinished(analyzed);
			return;
		}
		if (recording.getKind() != Kind.HTTP) {
			return;
		}
		Tags tags = RecordingTags.of(recording);
		DistributionSummary.builder(QUERIES)
			.description("Statements executed per request")
			.baseUnit("queries")
			.tags(tags)
			.register(this.registry)
			.record(recording.getQueryCount());
		Timer.builder(QUERY_TIME)
			.description("Time spent executing statements per request")
			.tags(tags)
			.register(this.registry)
			.record(recording.getQueryTimeNanos(), TimeUnit.NANOSECONDS);
		for (Finding finding : analyzed.activeFindings()) {
			Counter.builder(FINDINGS)
				.description("Findings in finished requests, one per finding whatever its statement count")
				.tags(tags)
				.tag("type", finding.type().name())
				.tag("dataSource", dataSource(recording, finding))
				.register(this.registry)
				.increment();
		}
	}

	// Meters of their own, as their tags are not those of a request: 'source' (scheduled,
	// async, runner, task) and
	// 'name' (the method, or the name given to the recorder), both bounded by the
	// application's code.
	private void onTaskFinished(AnalyzedRecording analyzed) {
		Recording recording = analyzed.recording();
		Tags tags = Tags.of("source", (recording.getMethod() != null) ? recording.getMethod() : RecordingTags.UNKNOWN,
				"name", recording.getUri());
		DistributionSummary.builder(TASK_QUERIES)
			.description("Statements executed per task run")
			.baseUnit("queries")
			.tags(tags)
			.register(this.registry)
			.record(recording.getQueryCount());
		Timer.builder(TASK_QUERY_TIME)
			.description("Time spent executing statements per task run")
			.tags(tags)
			.register(this.registry)
			.record(recording.getQueryTimeNanos(), TimeUnit.NANOSECONDS);
		for (Finding finding : analyzed.activeFindings()) {
			Counter.builder(TASK_FINDINGS)
				.description("Findings in finished task runs, one per finding whatever its statement count")
				.tags(tags)
				.tag("type", finding.type().name())
				.tag("dataSource", dataSource(recording, finding))
				.register(this.registry)
				.increment();
		}
	}

	// The data source of the finding's first statement: the one whose access should
	// change.
	private static String dataSource(Recording recording, Finding finding) {
		if (finding.queryIndexes().isEmpty()) {
			return "none";
		}
		int index = finding.queryIndexes().get(0);
		List<QueryEvent> queries = recording.getQueries();
		if (index < 0 || index >= queries.size() || queries.get(index).dataSource() == null) {
			return "none";
		}
		return queries.get(index).dataSource();
	}

}
