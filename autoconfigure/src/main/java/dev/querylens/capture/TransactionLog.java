package dev.querylens.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import dev.querylens.capture.Transaction.Outcome;

/**
 * The transactions of one running recording, as they are told: it lives in the
 * {@link Recording.Started} and becomes the finished recording's {@link Transactions}.
 * <p>
 * Transactions are told by whatever watches the transaction manager ({@link #begin},
 * {@link #begun}, {@link #committing}, {@link #end}), on the thread that runs them: a
 * transaction is bound to its thread, so a query belongs to the innermost transaction
 * open on the thread it ran on. At most as many transactions as the recording keeps
 * queries are kept, and all are counted.
 */
public final class TransactionLog {

	private final long recordingStartNanos;

	private final LongSupplier nanoTime;

	private final int maxTransactions;

	// Read without the lock so that a query with no transaction open anywhere costs one
	// volatile read.
	private volatile int openCount;

	// Guarded by this.
	private final Map<Thread, Open> innermost = new HashMap<>();

	private List<Open> opened = new ArrayList<>();

	private int count;

	private final BitSet autoCommit = new BitSet();

	private final BitSet flushedAtCommit = new BitSet();

	private int[] transactionOfQuery = new int[0];

	private boolean finished;

	TransactionLog(long recordingStartNanos, LongSupplier nanoTime, int maxTransactions) {
		this.recordingStartNanos = recordingStartNanos;
		this.nanoTime = nanoTime;
		this.maxTransactions = Math.max(1, maxTransactions);
	}

	/**
	 * Notes that a transaction begins on the current thread. Ignored once the recording
	 * is finished.
	 * @param key the object that stands for the transaction in the later calls, such as
	 * the transaction manager's status; held only while the transaction is open
	 * @param name the transaction's name, for a {@code @Transactional} method its class
	 * and method, or {@code null}
	 * @param callSite what began it: for a {@code @Transactional} method the method,
	 * otherwise the application code that began it; or {@code null}
	 * @param readOnly whether it is read-only
	 * @param nested whether it is a savepoint within the transaction open on this thread
	 */
	public synchronized void begin(Object key, @Nullable String name, @Nullable CallSite callSite, boolean readOnly,
			boolean nested) {
		if (this.finished) {
			return;
		}
		Thread thread = Thread.currentThread();
		Open outer = this.innermost.get(thread);
		String propagation = nested ? "NESTED" : (outer != null) ? "REQUIRES_NEW" : "REQUIRED";
		Open open = new Open(++this.count, name, callSite, readOnly, propagation, this.nanoTime.getAsLong(), outer);
		open.key = key;
		this.innermost.put(thread, open);
		this.openCount++;
		if (this.opened.size() < this.maxTransactions) {
			this.opened.add(open);
		}
	}

	/**
	 * Notes that a transaction has begun, or failed to.
	 * @param key the object given to {@link #begin}
	 * @param isolation its isolation level, e.g. {@code READ_COMMITTED}, {@code DEFAULT}
	 * when not declared
	 * @param failed whether beginning it failed, so that it never ran
	 */
	public synchronized void begun(Object key, String isolation, boolean failed) {
		Open open = find(key);
		if (open == null) {
			return;
		}
		if (failed) {
			close(open);
			this.opened.remove(open);
			return;
		}
		open.isolation = isolation;
	}

	/**
	 * Notes that a transaction is about to commit: statements until its {@link #end} are
	 * those the ORM flushes at commit.
	 * @param key the object given to {@link #begin}
	 */
	public synchronized void committing(Object key) {
		Open open = find(key);
		if (open != null) {
			open.committing = true;
		}
	}

	/**
	 * Notes that a transaction ended. Any transaction begun inside it on the same thread
	 * and not yet ended is taken to have ended with it.
	 * @param key the object given to {@link #begin}
	 * @param outcome how it ended
	 */
	public synchronized void end(Object key, Outcome outcome) {
		Open open = find(key);
		if (open == null || this.finished) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		Open inner = this.innermost.get(Thread.currentThread());
		while (inner != null && inner != open) {
			inner.endNanos = now;
			inner.key = null;
			inner = inner.outer;
		}
		open.outcome = outcome;
		open.endNanos = now;
		close(open);
	}

	// The open transaction of this key on the current thread, innermost first.
	private @Nullable Open find(Object key) {
		for (Open open = this.innermost.get(Thread.currentThread()); open != null; open = open.outer) {
			if (open.key == key) {
				return open;
			}
		}
		return null;
	}

	// Removes a transaction, and any still open inside it, from its thread's chain.
	private void close(Open open) {
		Thread thread = Thread.currentThread();
		for (Open inner = this.innermost.get(thread); inner != null && inner != open; inner = inner.outer) {
			this.openCount--;
		}
		if (open.outer != null) {
			this.innermost.put(thread, open.outer);
		}
		else {
			this.innermost.remove(thread);
		}
		open.key = null;
		this.openCount--;
	}

	// The innermost transaction open on the current thread, or null.
	@Nullable Open current() {
		if (this.openCount == 0) {
			return null;
		}
		synchronized (this) {
			return this.innermost.get(Thread.currentThread());
		}
	}

	// A connection taken from a data source on the current thread: the first one within a
	// transaction is the one
	// it holds until it ends.
	void connectionAcquired() {
		Open open = current();
		if (open != null) {
			synchronized (this) {
				if (open.connectionNanos == 0) {
					open.connectionNanos = this.nanoTime.getAsLong();
				}
			}
		}
	}

	// A query kept in full: the transaction it ran in and whether it was flushed at
	// commit. Called under the
	// recording's lock.
	synchronized void noteQuery(int index, @Nullable Open open, boolean flushed, boolean autoCommit) {
		if (autoCommit) {
			this.autoCommit.set(index);
		}
		if (open == null) {
			return;
		}
		// A statement of a transaction that took no connection ran on one checked out
		// before the transaction began: under open-in-view the request's entity manager
		// keeps the connection its first transaction took until the request ends. That
		// connection is held by this transaction from its start. A savepoint's is its
		// parent's, counted there.
		if (open.connectionNanos == 0 && !autoCommit && !"NESTED".equals(open.propagation)) {
			open.connectionNanos = open.startNanos;
		}
		if (index >= this.transactionOfQuery.length) {
			this.transactionOfQuery = Arrays.copyOf(this.transactionOfQuery,
					Math.max(index + 1, this.transactionOfQuery.length * 2));
		}
		this.transactionOfQuery[index] = open.id;
		if (flushed) {
			this.flushedAtCommit.set(index);
		}
	}

	// Freezes the log when its recording finishes, into the value the finished
	// recording holds: a transaction still open ends, for its figures, there. Later calls
	// are ignored by the recording, which calls this once.
	synchronized Transactions finish() {
		long now = this.nanoTime.getAsLong();
		List<Transaction> transactions = new ArrayList<>(this.opened.size());
		for (Open open : this.opened) {
			long end = (open.endNanos != 0) ? open.endNanos : now;
			transactions.add(new Transaction(open.id, open.name, open.callSite, open.readOnly, open.isolation,
					open.propagation, open.outcome, open.startNanos - this.recordingStartNanos, end - open.startNanos,
					(open.connectionNanos != 0) ? end - open.connectionNanos : 0));
		}
		this.finished = true;
		this.opened = List.of();
		this.innermost.clear();
		this.openCount = 0;
		// Handed over, not copied: a finished log is never written again.
		return new Transactions(transactions, this.count, this.transactionOfQuery, this.autoCommit,
				this.flushedAtCommit);
	}

	// A transaction while it runs. Its fields other than the final ones are guarded by
	// the log.
	static final class Open {

		final int id;

		final @Nullable String name;

		final @Nullable CallSite callSite;

		final boolean readOnly;

		final String propagation;

		final long startNanos;

		final @Nullable Open outer;

		String isolation = "DEFAULT";

		volatile boolean committing;

		@Nullable Outcome outcome;

		long endNanos;

		long connectionNanos;

		@Nullable Object key;

		Open(int id, @Nullable String name, @Nullable CallSite callSite, boolean readOnly, String propagation,
				long startNanos, @Nullable Open outer) {
			this.id = id;
			this.name = name;
			this.callSite = callSite;
			this.readOnly = readOnly;
			this.propagation = propagation;
			this.startNanos = startNanos;
			this.outer = outer;
		}

		// Where a statement flushed at commit came from: what began the transaction, for
		// a @Transactional method
		// the method itself.
		@Nullable CallSite commitCallSite() {
			return this.callSite;
		}

	}

}
