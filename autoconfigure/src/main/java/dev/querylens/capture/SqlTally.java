package dev.querylens.capture;

/**
 * Count and time of the executions of one SQL string that ran after a recording reached
 * its limit of kept queries, or of every other SQL string once it tallies as many strings
 * as it keeps queries.
 *
 * @param sql the SQL
 * @param count executions not kept in full
 * @param durationNanos their total time
 */
public record SqlTally(String sql, int count, long durationNanos) {

	/**
	 * The SQL of the one tally of statements past the limit of distinct SQL strings a
	 * recording tallies apart.
	 */
	public static final String OTHER = "/* other statements */";

}
