package dev.querylens.analysis;

/**
 * The kinds of costly pattern QueryLens reports. The JSON shows the constant's name.
 */
public enum FindingType {

	/**
	 * One query, then one more query per row it returned: a lazy association read in a
	 * loop.
	 */
	N_PLUS_ONE,

	/** The same statement with the same parameters run more than once. */
	DUPLICATE_QUERY,

	/**
	 * A loop of single-row writes of one shape that a JDBC batch or bulk statement would
	 * do at once.
	 */
	BATCHABLE_WRITES,

	/** A row read, then its column updated with a value computed in Java. */
	READ_MODIFY_WRITE,

	/** A query with no limit that read very many rows. */
	UNBOUNDED_RESULT,

	/** A query slower than the threshold. */
	SLOW_QUERY,

	/** A query that read large text or binary values for many rows. */
	WIDE_ROWS,

	/** Lazy loads that ran while the view rendered (open session in view). */
	LAZY_LOAD_IN_VIEW,

	/**
	 * Statements application code ran while the view rendered that were not lazy loads,
	 * e.g. a formatter's.
	 */
	QUERY_IN_VIEW,

	/**
	 * Many connections checked out one after another for statements outside any
	 * transaction.
	 */
	CONNECTION_CHURN,

	/**
	 * A transaction that held its connection much longer than its statements ran, e.g.
	 * during a remote call.
	 */
	CONNECTION_HELD,

	/** Many transactions, one after another, for work one transaction would do. */
	MANY_TRANSACTIONS

}
