package dev.querylens.transactions;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that uses connections and transactions well and badly, for integration
 * tests over real HTTP: plain {@code JdbcTemplate} calls with and without a transaction
 * around them, Hibernate writes flushed at commit, transactions of every outcome and
 * propagation, a transaction that waits for a remote service while it holds its
 * connection, and many transactions where one would do.
 */
@SpringBootApplication
public class TransactionsTestApplication {

	static final int ACCOUNTS = 10;

	static final String DEPOSIT = "update txn_account set balance = balance + 1 where id = ?";

	static final String NAME = "select name from txn_account where id = ?";

	@Bean
	ApplicationRunner accounts(JdbcTemplate jdbc, TransactionTemplate transactions,
			@Value("${txn.sleep-function:}") String sleepFunction) {
		return (args) -> transactions.executeWithoutResult((status) -> {
			if (!sleepFunction.isEmpty()) {
				jdbc.execute(sleepFunction);
			}
			jdbc.update("delete from txn_account");
			for (int i = 1; i <= ACCOUNTS; i++) {
				jdbc.update("insert into txn_account (id, name, balance) values (?, ?, ?)", i, "Account " + i, 100);
			}
		});
	}

	@RestController
	static class ChurnController {

		private final JdbcTemplate jdbc;

		private final TransactionTemplate transactions;

		ChurnController(JdbcTemplate jdbc, TransactionTemplate transactions) {
			this.jdbc = jdbc;
			this.transactions = transactions;
		}

		@PostMapping("/churn/writes")
		int writes() {
			int updated = 0;
			for (int i = 1; i <= ACCOUNTS; i++) {
				updated += this.jdbc.update(DEPOSIT, i);
			}
			return updated;
		}

		@PostMapping("/churn/writes-in-a-transaction")
		int writesInATransaction() {
			return this.transactions.execute((status) -> writes());
		}

		@PostMapping("/churn/batch")
		int batch() {
			List<Object[]> ids = new ArrayList<>();
			for (int i = 1; i <= ACCOUNTS; i++) {
				ids.add(new Object[] { i });
			}
			return this.jdbc.batchUpdate(DEPOSIT, ids).length;
		}

		@PostMapping("/churn/read-before-each-write")
		int readBeforeEachWrite() {
			int updated = 0;
			for (int i = 1; i <= ACCOUNTS; i++) {
				this.jdbc.queryForObject("select balance from txn_account where id = ?", Integer.class, i);
				updated += this.jdbc.update(DEPOSIT, i);
			}
			return updated;
		}

		@GetMapping("/churn/reads")
		List<String> reads() {
			return List.of(this.jdbc.queryForObject(NAME, String.class, 1),
					this.jdbc.queryForObject("select count(*) from txn_account", String.class),
					this.jdbc.queryForObject("select sum(balance) from txn_account", String.class),
					this.jdbc.queryForObject("select max(balance) from txn_account", String.class),
					this.jdbc.queryForObject("select min(name) from txn_account", String.class),
					this.jdbc.queryForObject("select count(*) from txn_account where balance > 0", String.class));
		}

		@GetMapping("/churn/reads-in-a-loop")
		List<String> readsInALoop() {
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= ACCOUNTS; i++) {
				names.add(this.jdbc.queryForObject(NAME, String.class, i));
			}
			return names;
		}

		@GetMapping("/churn/two-reads")
		List<String> twoReads() {
			return List.of(this.jdbc.queryForObject(NAME, String.class, 1),
					this.jdbc.queryForObject("select count(*) from txn_account", String.class));
		}

	}

	@RestController
	static class AccountController {

		private final AccountService accounts;

		private final RemoteService remote;

		private final Teller teller;

		private final ReportService reports;

		private final TransactionTemplate transactions;

		private final JdbcTemplate jdbc;

		AccountController(AccountService accounts, RemoteService remote, Teller teller, ReportService reports,
				TransactionTemplate transactions, JdbcTemplate jdbc) {
			this.accounts = accounts;
			this.remote = remote;
			this.teller = teller;
			this.reports = reports;
			this.transactions = transactions;
			this.jdbc = jdbc;
		}

		@PostMapping("/flush/deposit")
		int deposit() {
			return this.accounts.deposit(1L);
		}

		@PostMapping("/flush/deposit-flushed-in-the-method")
		int depositFlushedInTheMethod() {
			return this.accounts.depositAndFlush(1L);
		}

		@PostMapping("/flush/rename-all")
		int renameAll() {
			return this.accounts.renameAll();
		}

		@PostMapping("/held/remote-call")
		int remoteCall() {
			return this.accounts.depositAfterRemoteCall(1L);
		}

		@PostMapping("/held/remote-call-in-a-second-transaction")
		int remoteCallInASecondTransaction() {
			this.accounts.deposit(1L);
			return this.accounts.depositAfterRemoteCall(2L);
		}

		@PostMapping("/held/remote-call-before-the-transaction")
		int remoteCallBeforeTheTransaction() {
			this.remote.call();
			return this.accounts.deposit(1L);
		}

		@PostMapping("/held/slow-statement")
		int slowStatement() {
			return this.accounts.slowStatement();
		}

		@PostMapping("/many/deposits")
		int deposits() {
			int total = 0;
			for (long id = 1; id <= 6; id++) {
				total += this.accounts.deposit(id);
			}
			return total;
		}

		@PostMapping("/many/deposits-in-one-transaction")
		int depositsInOneTransaction() {
			return this.teller.depositAll();
		}

		@GetMapping("/many/names")
		List<String> names() {
			List<String> names = new ArrayList<>();
			for (long id = 1; id <= 6; id++) {
				names.add(this.accounts.name(id));
			}
			return names;
		}

		@GetMapping("/transactions/every-kind")
		String everyKind() {
			String summary = this.reports.summary();
			try {
				this.accounts.failingDeposit(2L);
			}
			catch (IllegalStateException ex) {
				// Rolled back, as the test wants.
			}
			Integer inTemplate = this.transactions.execute((status) -> this.jdbc
				.queryForObject("select balance from txn_account where id = ?", Integer.class, 3));
			Integer autoCommit = this.jdbc.queryForObject("select balance from txn_account where id = ?", Integer.class,
					4);
			return summary + " " + inTemplate + " " + autoCommit;
		}

	}

	@Service
	public static class RemoteService {

		// Stands for a call to a slow remote service: the scenario itself, not a wait for
		// another thread.
		public void call() {
			try {
				Thread.sleep(400);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@Service
	public static class Teller {

		private final AccountService accounts;

		Teller(AccountService accounts) {
			this.accounts = accounts;
		}

		@Transactional
		public int depositAll() {
			int total = 0;
			for (long id = 1; id <= 6; id++) {
				total += this.accounts.deposit(id);
			}
			return total;
		}

	}

	@Service
	public static class ReportService {

		private final EntityManager entityManager;

		private final AuditService audit;

		ReportService(EntityManager entityManager, AuditService audit) {
			this.entityManager = entityManager;
			this.audit = audit;
		}

		@Transactional(readOnly = true, isolation = Isolation.READ_COMMITTED)
		public String summary() {
			Long count = this.entityManager.createQuery("select count(a) from Account a", Long.class).getSingleResult();
			this.audit.log();
			return String.valueOf(count);
		}

	}

	@Service
	public static class AuditService {

		private final JdbcTemplate jdbc;

		AuditService(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void log() {
			this.jdbc.update("update txn_account set name = name where id = ?", 10);
		}

	}

	@Service
	public static class AccountService {

		private final EntityManager entityManager;

		private final RemoteService remote;

		private final JdbcTemplate jdbc;

		private final String sleepSql;

		AccountService(EntityManager entityManager, RemoteService remote, JdbcTemplate jdbc,
				@Value("${txn.sleep-sql}") String sleepSql) {
			this.entityManager = entityManager;
			this.remote = remote;
			this.jdbc = jdbc;
			this.sleepSql = sleepSql;
		}

		@Transactional
		public int deposit(long id) {
			Account account = this.entityManager.find(Account.class, id);
			account.setBalance(account.getBalance() + 10);
			return account.getBalance();
		}

		@Transactional
		public int depositAndFlush(long id) {
			int balance = deposit(id);
			this.entityManager.flush();
			return balance;
		}

		@Transactional
		public int depositAfterRemoteCall(long id) {
			Account account = this.entityManager.find(Account.class, id);
			this.remote.call();
			account.setBalance(account.getBalance() + 10);
			return account.getBalance();
		}

		@Transactional
		public int slowStatement() {
			return this.jdbc.queryForObject(this.sleepSql, Integer.class);
		}

		@Transactional
		public void failingDeposit(long id) {
			deposit(id);
			throw new IllegalStateException("refused");
		}

		@Transactional(readOnly = true)
		public String name(long id) {
			return this.entityManager.find(Account.class, id).getName();
		}

		@Transactional
		public int renameAll() {
			List<Account> all = this.entityManager.createQuery("select a from Account a order by a.id", Account.class)
				.getResultList();
			all.forEach((account) -> account.setName(account.getName() + "!"));
			return all.size();
		}

	}

}
