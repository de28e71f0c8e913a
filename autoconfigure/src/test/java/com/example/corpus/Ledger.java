package com.example.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The corpus's plain JDBC scenarios, with no transaction unless one is named: keyed reads
 * in a loop, an {@code IN} list, writes one by one and in a batch, reads that each take a
 * connection, repeats, a data source stacked on the pool, a statement slow in the
 * database ({@code corpus.slow-sql}, a sleep function of each database) and a remote call
 * inside and before a transaction.
 */
@Service
public class Ledger {

	static final List<Long> KEYS = List.of(1L, 2L, 3L, 1L, 4L, 2L, 5L, 3L);

	static final int WRITES = 10;

	private static final List<String> COUNTS = List.of("select count(*) from crp_author",
			"select count(*) from crp_book", "select count(*) from crp_review", "select count(*) from crp_shelf",
			"select count(*) from crp_genre", "select count(*) from crp_format");

	private final JdbcTemplate jdbc;

	private final JdbcTemplate reports;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	private final Supplier supplier;

	private final String slowSql;

	Ledger(JdbcTemplate jdbc, @Qualifier("reportingDataSource") javax.sql.DataSource reporting,
			PlatformTransactionManager transactionManager, Supplier supplier,
			@Value("${corpus.slow-sql}") String slowSql) {
		this.jdbc = jdbc;
		this.supplier = supplier;
		this.slowSql = slowSql;
		this.reports = new JdbcTemplate(reporting);
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	public List<String> titlesOneByOne() {
		return this.transaction.execute((status) -> {
			List<String> titles = new ArrayList<>();
			for (Long key : KEYS) {
				titles.add(this.jdbc.queryForObject("select title from crp_book where id = ?", String.class, key));
			}
			return titles;
		});
	}

	public List<String> titlesInOneList() {
		return this.transaction.execute((status) -> new NamedParameterJdbcTemplate(this.jdbc).queryForList(
				"select title from crp_book where id in (:ids)", Map.of("ids", KEYS.stream().distinct().toList()),
				String.class));
	}

	public int rateOneByOne() {
		return this.transaction.execute((status) -> rate());
	}

	public int rateInOneBatch() {
		return this.transaction.execute((status) -> {
			List<Object[]> rows = new ArrayList<>();
			for (long id = 1; id <= WRITES; id++) {
				rows.add(new Object[] { 5, id });
			}
			return this.jdbc.batchUpdate("update crp_review set stars = ? where id = ?", rows).length;
		});
	}

	public int rateWithoutTransaction() {
		return rate();
	}

	private int rate() {
		int rows = 0;
		for (long id = 1; id <= WRITES; id++) {
			rows += this.jdbc.update("update crp_review set stars = ? where id = ?", 5, id);
		}
		return rows;
	}

	public List<Long> countsWithoutTransaction() {
		return counts();
	}

	public List<Long> countsInOneTransaction() {
		return this.readOnly.execute((status) -> counts());
	}

	private List<Long> counts() {
		return COUNTS.stream().map((sql) -> this.jdbc.queryForObject(sql, Long.class)).toList();
	}

	public long stockedTwice() {
		return this.readOnly.execute((status) -> {
			this.jdbc.queryForObject("select count(*) from crp_book where stock > ?", Long.class, 0);
			return this.jdbc.queryForObject("select count(*) from crp_book where stock > ?", Long.class, 0);
		});
	}

	public long reportOnce() {
		return this.reports.queryForObject("select count(*) from crp_review where stars > ?", Long.class, 3);
	}

	public long reportTwice() {
		this.reports.queryForObject("select count(*) from crp_review where stars > ?", Long.class, 3);
		return this.reports.queryForObject("select count(*) from crp_review where stars > ?", Long.class, 3);
	}

	public int slowInTheDatabase() {
		return this.readOnly.execute((status) -> this.jdbc.queryForObject(this.slowSql, Integer.class));
	}

	public long quotedInTheTransaction() {
		return this.readOnly.execute((status) -> {
			long books = this.jdbc.queryForObject("select count(*) from crp_book", Long.class);
			return books * this.supplier.quote()
					+ this.jdbc.queryForObject("select count(*) from crp_review", Long.class);
		});
	}

	public long quotedBeforeTheTransaction() {
		int quote = this.supplier.quote();
		return this.readOnly.execute((status) -> {
			long books = this.jdbc.queryForObject("select count(*) from crp_book", Long.class);
			return books * quote + this.jdbc.queryForObject("select count(*) from crp_review", Long.class);
		});
	}

}
