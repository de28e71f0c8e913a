package dev.querylens.transaction;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Recording;
import dev.querylens.capture.Transaction.Outcome;

/**
 * Tells the current recording each transaction a transaction manager begins, commits or
 * rolls back on its thread. Only transactions that really begin are told: a
 * {@code @Transactional} method that joins the transaction around it begins none. A
 * failure here is swallowed, so the application's transaction never notices.
 */
public final class RecordingTransactionListener implements TransactionExecutionListener {

	private final CallSiteResolver callSites;

	/**
	 * Creates a listener.
	 * @param callSites finds the application code that began a transaction with no method
	 * name, such as a {@code TransactionTemplate}'s, and the one that called a
	 * {@code @Transactional} method
	 */
	public RecordingTransactionListener(CallSiteResolver callSites) {
		this.callSites = callSites;
	}

	@Override
	public void beforeBegin(TransactionExecution transaction) {
		Recording.Started recording = CurrentRecording.get();
		if (recording == null) {
			return;
		}
		try {
			String name = transaction.getTransactionName();
			CallSite resolved = this.callSites.isEnabled() ? this.callSites.resolve() : null;
			CallSite callSite = isApplicationMethod(name) ? methodCallSite(name).calledFrom(resolved) : resolved;
			recording.getTransactions()
				.begin(transaction, emptyToNull(name), callSite, transaction.isReadOnly(), transaction.isNested());
		}
		catch (RuntimeException ex) {
			// Never let recording break a transaction.
		}
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		Recording.Started recording = CurrentRecording.get();
		if (recording != null) {
			// Known once the transaction's synchronization is prepared, which is just
			// before this call.
			recording.getTransactions()
				.begun(transaction, isolation(TransactionSynchronizationManager.getCurrentTransactionIsolationLevel()),
						beginFailure != null);
		}
	}

	@Override
	public void beforeCommit(TransactionExecution transaction) {
		Recording.Started recording = CurrentRecording.get();
		if (recording != null) {
			recording.getTransactions().committing(transaction);
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
		Recording.Started recording = CurrentRecording.get();
		if (recording != null) {
			recording.getTransactions().end(transaction, (commitFailure != null) ? Outcome.ROLLBACK : Outcome.COMMIT);
		}
	}

	@Override
	public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
		Recording.Started recording = CurrentRecording.get();
		if (recording != null) {
			recording.getTransactions().end(transaction, Outcome.ROLLBACK);
		}
	}

	// A @Transactional method's transaction is named after it:
	// "com.example.OrderService.update". A framework's method (a repository's own
	// transaction, "…SimpleJpaRepository.save") names no application code: the
	// application frame that called it does, and what its commit flushes belongs there.
	private boolean isApplicationMethod(@Nullable String name) {
		if (name == null) {
			return false;
		}
		int dot = name.lastIndexOf('.');
		boolean method = dot > 0 && dot < name.length() - 1 && name.indexOf(' ') < 0;
		return method && (!this.callSites.isEnabled() || this.callSites.isApplication(name.substring(0, dot)));
	}

	private static CallSite methodCallSite(String name) {
		int dot = name.lastIndexOf('.');
		String className = name.substring(0, dot);
		String simpleName = className.substring(className.lastIndexOf('.') + 1);
		int nested = simpleName.indexOf('$');
		String file = ((nested > 0) ? simpleName.substring(0, nested) : simpleName) + ".java";
		return new CallSite(className, name.substring(dot + 1), file, -1);
	}

	private static @Nullable String emptyToNull(@Nullable String name) {
		return (name == null || name.isEmpty()) ? null : name;
	}

	private static String isolation(@Nullable Integer level) {
		if (level == null) {
			return "DEFAULT";
		}
		return switch (level) {
			case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ_UNCOMMITTED";
			case Connection.TRANSACTION_READ_COMMITTED -> "READ_COMMITTED";
			case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE_READ";
			case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
			default -> "DEFAULT";
		};
	}

}
