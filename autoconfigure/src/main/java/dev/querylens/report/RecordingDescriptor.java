package dev.querylens.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.querylens.analysis.AnalyzedQuery;
import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.ConnectionFailure;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.Transaction;
import dev.querylens.capture.Transactions;
import dev.querylens.explain.QueryPlan;
import dev.querylens.explain.QueryPlans;

/**
 * One recording in full: the summary's fields, its queries and its findings.
 *
 * @param id the recording's id
 * @param kind {@code http}, {@code test} or {@code task}
 * @param method the HTTP method
 * @param uri the path, without the query string
 * @param query the query string, or {@code null}
 * @param pattern the matched handler pattern, or {@code null}
 * @param status the HTTP status
 * @param startedAt ISO-8601 start
 * @param durationMs the recording's duration
 * @param queryCount every statement executed
 * @param queryTimeMs time spent in statements
 * @param duplicateCount statements repeating an earlier one's SQL and parameters
 * @param similarCount statements repeating an earlier one's fingerprint with other
 * parameters
 * @param findingCount active findings
 * @param connectionCount connections taken from data sources
 * @param connectionAcquireMs time spent getting them (waiting for the pool, or
 * connecting)
 * @param connectionFailureCount {@code getConnection()} calls that failed, such as a pool
 * that timed out
 * @param truncated whether statements past the limit were counted but not kept
 * @param queries the statements kept, in execution order
 * @param findings what is costly, most severe first
 * @param connectionFailures the failed {@code getConnection()} calls kept, in the order
 * they failed
 * @param transactions the transactions its work began, in the order they began
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordingDescriptor(String id, String kind, String method, String uri, String query, String pattern,
		int status, String startedAt, double durationMs, int queryCount, double queryTimeMs, int duplicateCount,
		int similarCount, int findingCount, int connectionCount, double connectionAcquireMs, int connectionFailureCount,
		boolean truncated, List<QueryDescriptor> queries, List<FindingDescriptor> findings,
		List<ConnectionFailureDescriptor> connectionFailures, List<TransactionDescriptor> transactions) {

	public static final String HIDDEN = "******";

	public static RecordingDescriptor of(AnalyzedRecording analyzed, boolean showParameters) {
		return of(analyzed, showParameters, QueryPlans.none());
	}

	/**
	 * Describes a recording, with the plans found since for its slow queries.
	 * @param analyzed the recording
	 * @param showParameters whether bound values are shown
	 * @param plans the slow queries' plans, read now rather than written into the stored
	 * recording
	 * @return the descriptor
	 */
	public static RecordingDescriptor of(AnalyzedRecording analyzed, boolean showParameters, QueryPlans plans) {
		RecordingSummaryDescriptor summary = RecordingSummaryDescriptor.of(analyzed);
		Recording recording = analyzed.recording();
		Transactions log = recording.getTransactions();
		List<QueryDescriptor> queries = analyzed.queries()
			.stream()
			.map((query) -> QueryDescriptor.of(query, showParameters, log))
			.toList();
		List<FindingDescriptor> findings = analyzed.findings()
			.stream()
			.map((finding) -> FindingDescriptor.of(finding, plans))
			.toList();
		return new RecordingDescriptor(summary.id(), summary.kind(), summary.method(), summary.uri(), summary.query(),
				summary.pattern(), summary.status(), summary.startedAt(), summary.durationMs(), summary.queryCount(),
				summary.queryTimeMs(), summary.duplicateCount(), summary.similarCount(), summary.findingCount(),
				summary.connectionCount(), summary.connectionAcquireMs(), summary.connectionFailureCount(),
				recording.isTruncated(), queries, findings,
				recording.getConnectionFailures().stream().map(ConnectionFailureDescriptor::of).toList(),
				log.getTransactions().stream().map(TransactionDescriptor::of).toList());
	}

	/**
	 * One statement.
	 *
	 * @param index 0-based, in execution order
	 * @param sql exactly as the driver received it, or its first characters when
	 * {@code sqlTruncated}
	 * @param fingerprint its shape
	 * @param parameters bound values in order ({@code "******"} when hidden)
	 * @param batchSize 1, or N for a batch of N
	 * @param rows rows read, or update count
	 * @param durationMs execution time
	 * @param offsetMs from the recording's start
	 * @param connectionId the connection's number
	 * @param dataSource the data source's bean name
	 * @param phase {@code handler} or {@code view}
	 * @param thread the thread's name
	 * @param callSite where in application code it came from, or {@code null}
	 * @param error the failure, or {@code null}
	 * @param duplicateOf index of the first identical statement, or {@code null}
	 * @param similarGroup shared by statements of one fingerprint
	 * @param bytesRead characters of text and bytes of binary values read from the result
	 * set
	 * @param widestColumn the column of the largest value read, or {@code null} when none
	 * was large
	 * @param callPath the application frames from the call site outwards (the call site
	 * first), empty when no call site was captured
	 * @param sqlLength the length of the SQL the driver received
	 * @param sqlTruncated whether {@code sql} is only its beginning
	 * ({@code querylens.capture.max-sql-length}), so that it cannot be explained; the
	 * fingerprint is still that of the whole statement
	 * @param transaction the id of the transaction it ran in, or {@code null} outside one
	 * (auto-commit, or a transaction begun before the recording)
	 * @param flushedAtCommit whether the ORM flushed it while its transaction committed,
	 * after the transactional method returned: its call site is then that method
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record QueryDescriptor(int index, String sql, String fingerprint, List<Object> parameters, int batchSize,
			long rows, double durationMs, double offsetMs, int connectionId, String dataSource, String phase,
			String thread, String callSite, String error, Integer duplicateOf, int similarGroup, long bytesRead,
			String widestColumn, List<String> callPath, int sqlLength, boolean sqlTruncated, Integer transaction,
			boolean flushedAtCommit) {

		static QueryDescriptor of(AnalyzedQuery analyzed, boolean showParameters, Transactions transactions) {
			QueryEvent event = analyzed.event();
			List<Object> parameters = showParameters ? event.parameters() : hide(event.parameters());
			return new QueryDescriptor(event.index(), event.sql(), analyzed.fingerprint(), parameters,
					event.batchSize(), event.rows(), RecordingSummaryDescriptor.millis(event.durationNanos()),
					RecordingSummaryDescriptor.millis(event.offsetNanos()), event.connectionId(), event.dataSource(),
					event.phase().name().toLowerCase(Locale.ROOT), event.thread(),
					(event.callSite() != null) ? event.callSite().toString() : null, event.error(),
					analyzed.duplicateOf(), analyzed.similarGroup(), event.bytesRead(), event.widestColumn(),
					(event.callSite() != null) ? event.callSite().callPath() : List.of(), event.sqlLength(),
					event.sqlTruncated(), transactionId(transactions.transactionOf(event.index())),
					transactions.isFlushedAtCommit(event.index()));
		}

		private static Integer transactionId(int id) {
			return (id != 0) ? id : null;
		}

		private static List<Object> hide(List<Object> parameters) {
			List<Object> hidden = new ArrayList<>(parameters.size());
			for (int i = 0; i < parameters.size(); i++) {
				hidden.add(HIDDEN);
			}
			return Collections.unmodifiableList(hidden);
		}

	}

	/**
	 * One transaction.
	 *
	 * @param id its number within the recording, 1, 2, … in the order they began
	 * @param callSite what began it: the {@code @Transactional} method, or the code that
	 * called {@code TransactionTemplate.execute}; {@code null} when not captured
	 * @param readOnly whether it was declared read-only
	 * @param isolation the declared isolation level, {@code DEFAULT} when none
	 * @param propagation {@code REQUIRED}, {@code REQUIRES_NEW} (it began while another
	 * was open on its thread) or {@code NESTED}
	 * @param outcome {@code commit}, {@code rollback}, or {@code null} when still open as
	 * the recording ended
	 * @param startOffsetMs from the recording's start to its begin
	 * @param durationMs from its begin to its end
	 * @param connectionHeldMs from its connection's checkout to its end, or from its
	 * begin when it ran on a connection checked out before it; 0 when it used none
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record TransactionDescriptor(int id, String callSite, boolean readOnly, String isolation, String propagation,
			String outcome, double startOffsetMs, double durationMs, double connectionHeldMs) {

		static TransactionDescriptor of(Transaction transaction) {
			return new TransactionDescriptor(transaction.id(),
					(transaction.callSite() != null) ? transaction.callSite().toString() : null, transaction.readOnly(),
					transaction.isolation(), transaction.propagation(),
					(transaction.outcome() != null) ? transaction.outcome().name().toLowerCase(Locale.ROOT) : null,
					RecordingSummaryDescriptor.millis(transaction.startOffsetNanos()),
					RecordingSummaryDescriptor.millis(transaction.durationNanos()),
					RecordingSummaryDescriptor.millis(transaction.connectionHeldNanos()));
		}

	}

	/**
	 * One connection a data source could not hand out.
	 *
	 * @param dataSource the data source's bean name
	 * @param offsetMs when it was asked for, from the recording's start
	 * @param durationMs how long it took to fail (the wait for the pool, or the failed
	 * connect)
	 * @param thread the thread's name
	 * @param callSite where in application code it was asked for, or {@code null}
	 * @param error the exception's class and message
	 */
	public record ConnectionFailureDescriptor(String dataSource, double offsetMs, double durationMs, String thread,
			String callSite, String error) {

		static ConnectionFailureDescriptor of(ConnectionFailure failure) {
			return new ConnectionFailureDescriptor(failure.dataSource(),
					RecordingSummaryDescriptor.millis(failure.offsetNanos()),
					RecordingSummaryDescriptor.millis(failure.durationNanos()), failure.thread(),
					(failure.callSite() != null) ? failure.callSite().toString() : null, failure.error());
		}

	}

	/**
	 * One finding.
	 *
	 * @param type the finding type's name
	 * @param severity {@code info}, {@code warning} or {@code error}
	 * @param message what was found
	 * @param fingerprint the statement's shape
	 * @param count see the JSON contract
	 * @param callSite where it came from, or {@code null}
	 * @param association {@code Entity.attribute}, or {@code null}
	 * @param suggestion the fix; for a slow query, with its plan once EXPLAIN found one
	 * @param queryIndexes the statements it covers
	 * @param ignored whether an ignore rule silenced it
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record FindingDescriptor(String type, String severity, String message, String fingerprint, int count,
			String callSite, String association, String suggestion, List<Integer> queryIndexes, boolean ignored) {

		static FindingDescriptor of(Finding finding, QueryPlans plans) {
			String suggestion = finding.suggestion();
			if (finding.type() == FindingType.SLOW_QUERY) {
				suggestion += plans.find(finding.fingerprint()).map(QueryPlan::describe).orElse("");
			}
			return new FindingDescriptor(finding.type().name(), finding.severity().name().toLowerCase(Locale.ROOT),
					finding.message(), finding.fingerprint(), finding.count(), finding.callSite(),
					finding.association(), suggestion, finding.queryIndexes(), finding.ignored());
		}

	}

}
