package dev.querylens.capture;

/**
 * A connection a data source could not hand out while a recording ran, such as a pool
 * that timed out waiting for a free connection.
 *
 * @param dataSource the data source's name
 * @param offsetNanos when {@code getConnection()} was called, from the recording's start
 * @param durationNanos how long it took to fail: the wait for the pool, or the failed
 * connect
 * @param thread the name of the thread that asked
 * @param callSite where in application code it was asked for, or {@code null}
 * @param error the exception's class and message
 */
public record ConnectionFailure(String dataSource, long offsetNanos, long durationNanos, String thread,
		CallSite callSite, String error) {

}
