package dev.querylens.capture;

import java.util.List;

/**
 * One executed statement: a single statement, or a JDBC batch counted once.
 *
 * @param index position in the recording, 0-based, in execution order
 * @param sql the SQL exactly as the driver received it
 * @param parameters the bound values in order (for a batch, the first set); strings, numbers,
 * booleans or {@code null}, already made safe to show
 * @param batchSize 1 for a single statement, N for a batch of N
 * @param rows rows read for a query, update count for a write (summed over a batch)
 * @param durationNanos time spent executing
 * @param offsetNanos time from the recording's start to this statement's start
 * @param connectionId number of the connection it ran on, unique within its data source
 * @param dataSource the data source's bean name
 * @param phase whether it ran in the handler or in the view
 * @param thread the name of the thread it ran on
 * @param callSite where it came from, or {@code null} when not captured
 * @param error the failure's class and message, or {@code null} when it succeeded
 */
public record QueryEvent(int index, String sql, List<Object> parameters, int batchSize, long rows,
		long durationNanos, long offsetNanos, int connectionId, String dataSource, Phase phase, String thread,
		CallSite callSite, String error) {

	/**
	 * Whether the statement failed.
	 * @return {@code true} if it threw
	 */
	public boolean failed() {
		return this.error != null;
	}

	QueryEvent withRows(long rows) {
		return new QueryEvent(this.index, this.sql, this.parameters, this.batchSize, rows, this.durationNanos,
				this.offsetNanos, this.connectionId, this.dataSource, this.phase, this.thread, this.callSite,
				this.error);
	}

}
