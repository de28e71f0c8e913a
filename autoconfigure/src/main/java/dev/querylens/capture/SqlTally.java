package dev.querylens.capture;

/**
 * Count and time of the executions of one SQL string that ran after a recording reached its
 * limit of kept queries.
 *
 * @param sql the SQL
 * @param count executions not kept in full
 * @param durationNanos their total time
 */
public record SqlTally(String sql, int count, long durationNanos) {
}
