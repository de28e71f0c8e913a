package dev.querylens.analysis;

import java.time.Duration;

/**
 * The thresholds of the detectors of connections and transactions.
 *
 * @param connectionChurnThreshold connections checked out one after another in
 * auto-commit mode that make {@code CONNECTION_CHURN}, at least 2
 * @param connectionHeldThreshold idle time (held minus the time its statements ran) from
 * which a transaction's connection is {@code CONNECTION_HELD}
 * @param connectionHeldIdlePercent share of the time held, in percent, that must be idle
 * too, so that a long transaction that is busy is not reported
 * @param manyTransactionsThreshold transactions begun one after another in one recording
 * that make {@code MANY_TRANSACTIONS}, at least 2
 */
public record TransactionSettings(int connectionChurnThreshold, Duration connectionHeldThreshold,
		int connectionHeldIdlePercent, int manyTransactionsThreshold) {

	/** Auto-commit connection checkouts in one recording reported by default. */
	public static final int DEFAULT_CONNECTION_CHURN_THRESHOLD = 5;

	/** Idle time of a transaction's connection reported by default. */
	public static final Duration DEFAULT_CONNECTION_HELD_THRESHOLD = Duration.ofMillis(500);

	/** Share of the time held that must be idle, by default. */
	public static final int DEFAULT_CONNECTION_HELD_IDLE_PERCENT = 50;

	/** Transactions in one recording reported by default. */
	public static final int DEFAULT_MANY_TRANSACTIONS_THRESHOLD = 5;

	public TransactionSettings {
		if (connectionHeldThreshold == null) {
			connectionHeldThreshold = DEFAULT_CONNECTION_HELD_THRESHOLD;
		}
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static TransactionSettings defaults() {
		return new TransactionSettings(DEFAULT_CONNECTION_CHURN_THRESHOLD, DEFAULT_CONNECTION_HELD_THRESHOLD,
				DEFAULT_CONNECTION_HELD_IDLE_PERCENT, DEFAULT_MANY_TRANSACTIONS_THRESHOLD);
	}

}
