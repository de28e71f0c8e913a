package dev.querylens.demo.shop;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.querylens.analysis.StatementType;
import dev.querylens.it.TestDatabase;
import dev.querylens.test.ExpectQueries;
import dev.querylens.test.QueryLensTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryLens in a {@code @JdbcTest}: the JDBC test slice wraps its data source too.
 */
@JdbcTest
@QueryLensTest
@TestDatabase("h2")
class JdbcTemplateQueryLensTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	@ExpectQueries(exactly = 2, type = StatementType.SELECT)
	void eachStatementOfTheSliceIsCounted() {
		assertThat(this.jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("with t(n) as (select 2) select n from t", Integer.class)).isEqualTo(2);
	}

}
