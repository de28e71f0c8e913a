package dev.querylens.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatementType}: including the statements that fool a first-word rule.
 */
class StatementTypeTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					select * from orders                                                         | SELECT
					  SELECT o.id FROM orders o FOR UPDATE                                       | SELECT
					/* hint */ select 1                                                          | SELECT
					with recent as (select id from orders where id > 10) select * from recent    | SELECT
					WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT n FROM t | SELECT
					with moved as (delete from orders returning *) select count(*) from moved    | SELECT
					with src as (select 1 as id) insert into archive select * from src          | INSERT
					with gone as (select id from orders) delete from items where order_id in (select id from gone) | DELETE
					(select id from a) union (select id from b)                                  | SELECT
					values (1), (2)                                                              | SELECT
					insert into orders (id, note) values (1, 'select')                           | INSERT
					insert into archive select * from orders                                     | INSERT
					update orders set total = (select sum(x) from items) where id = 1            | UPDATE
					delete from orders where id in (select id from old)                          | DELETE
					replace into counters values (1, 2)                                          | INSERT
					set search_path to shop                                                      | OTHER
					call refresh_totals()                                                        | OTHER
					create table "select" (id int)                                               | OTHER
					merge into orders using staged on orders.id = staged.id when matched then update set total = staged.total | OTHER
					explain select * from orders                                                 | OTHER
					""")
	void classifiesFromTheFingerprint(String sql, StatementType type) {
		assertThat(StatementType.ofSql(sql)).isEqualTo(type);
	}

	@org.junit.jupiter.api.Test
	void emptyOrNullIsOther() {
		assertThat(StatementType.ofFingerprint(null)).isEqualTo(StatementType.OTHER);
		assertThat(StatementType.ofFingerprint("")).isEqualTo(StatementType.OTHER);
	}

}
