package dev.querylens.capture;

import java.util.BitSet;
import java.util.List;

/**
 * The transactions of a finished recording and how each of its queries relates to them:
 * in which transaction it ran, whether it ran on a connection in auto-commit mode, and
 * whether it was flushed while its transaction committed. Made by the recording's
 * {@link TransactionLog} when the recording finishes; never changes.
 */
public final class Transactions {

	private final List<Transaction> transactions;

	private final int count;

	private final int[] transactionOfQuery;

	private final BitSet autoCommit;

	private final BitSet flushedAtCommit;

	Transactions(List<Transaction> transactions, int count, int[] transactionOfQuery, BitSet autoCommit,
			BitSet flushedAtCommit) {
		this.transactions = List.copyOf(transactions);
		this.count = count;
		this.transactionOfQuery = transactionOfQuery;
		this.autoCommit = autoCommit;
		this.flushedAtCommit = flushedAtCommit;
	}

	/**
	 * Returns the transactions kept, in the order they began.
	 * @return the transactions
	 */
	public List<Transaction> getTransactions() {
		return this.transactions;
	}

	/**
	 * Returns how many transactions began while the recording ran, kept or not.
	 * @return the exact count
	 */
	public int getCount() {
		return this.count;
	}

	/**
	 * Returns the transaction a query ran in.
	 * @param queryIndex the query's index
	 * @return the transaction's {@link Transaction#id() id}, or 0 when it ran outside any
	 * transaction the recording saw begin
	 */
	public int transactionOf(int queryIndex) {
		return (queryIndex >= 0 && queryIndex < this.transactionOfQuery.length) ? this.transactionOfQuery[queryIndex]
				: 0;
	}

	/**
	 * Whether a query ran on a connection in auto-commit mode, so that it committed
	 * alone.
	 * @param queryIndex the query's index
	 * @return {@code true} if it did, {@code false} when in a transaction or unknown
	 */
	public boolean isAutoCommit(int queryIndex) {
		return queryIndex >= 0 && this.autoCommit.get(queryIndex);
	}

	/**
	 * Whether a query was flushed by the ORM while its transaction committed, after the
	 * application code of the transaction had returned: its call site is then the
	 * transactional method, not a frame of the stack.
	 * @param queryIndex the query's index
	 * @return {@code true} if it was
	 */
	public boolean isFlushedAtCommit(int queryIndex) {
		return queryIndex >= 0 && this.flushedAtCommit.get(queryIndex);
	}

}
