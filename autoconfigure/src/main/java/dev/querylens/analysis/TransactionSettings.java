package dev.querylens.analysis;

/**
 * The thresholds of the detectors of connections and transactions.
 *
 * @param connectionChurnThreshold connections checked out one after another in auto-commit mode that make
 * {@code CONNECTION_CHURN}, at least 2
 */
public record TransactionSettings(int connectionChurnThreshold) {

	/** Auto-commit connection checkouts in one recording reported by default. */
	public static final int DEFAULT_CONNECTION_CHURN_THRESHOLD = 5;

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static TransactionSettings defaults() {
		return new TransactionSettings(DEFAULT_CONNECTION_CHURN_THRESHOLD);
	}

}
