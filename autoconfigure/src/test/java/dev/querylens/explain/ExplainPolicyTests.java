package dev.querylens.explain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExplainPolicy}: what each database may read as one SELECT. The
 * statements run against real databases in {@link QueryExplainerTests}.
 */
class ExplainPolicyTests {

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void aSingleSelectIsExplainedOnEveryDatabase(SqlDialect dialect) {
		for (String sql : List.of("select * from t where name = ';'", "SELECT 'it''s; fine' FROM t",
				"  /* c; */ select 1 -- trailing; comment\n", "with x as (select 1 as n) select n from x",
				"select * from t where id = ? for update", "select * from t for no key update",
				"select \"update\" from t", "select 1 as x$y$", "select case when a = 1 then 'x' else 'y' end from t",
				"select replace(name, 'a', 'b') from t", "select 1 from t where a = ? and b in (?, ?)")) {
			assertThat(ExplainPolicy.refusal(sql, dialect)).as("%s on %s", sql, dialect).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void anythingButOneSelectIsRefusedOnEveryDatabase(SqlDialect dialect) {
		for (String sql : HostileStatements.REFUSED_EVERYWHERE) {
			assertThat(ExplainPolicy.refusal(sql, dialect)).as("%s on %s", sql, dialect).isNotNull();
		}
		assertThat(ExplainPolicy.refusal(null, dialect)).isNotNull();
	}

	@Test
	void aDollarInsideANameIsNoDollarQuote() {
		String sql = "select 1 as x$y$; insert into audit values (1); commit -- $y$";
		for (SqlDialect dialect : SqlDialect.values()) {
			assertThat(ExplainPolicy.refusal(sql, dialect)).as("%s", dialect)
				.isEqualTo("it holds more than one statement");
		}
		assertThat(ExplainPolicy.isSingleSelect("select $y$; delete from victim; $y$ as x", SqlDialect.POSTGRESQL))
			.isTrue();
		assertThat(ExplainPolicy.isSingleSelect("select $y$; delete from victim; $y$ as x", SqlDialect.H2)).isFalse();
		assertThat(ExplainPolicy.isSingleSelect("select $y$; delete from victim; $y$ as x", SqlDialect.MYSQL))
			.isFalse();
	}

	@Test
	void aHashIsAnOperatorOnPostgresAndACommentOnMySql() {
		String sql = "select 1 # 2; commit; delete from victim";
		assertThat(ExplainPolicy.isSingleSelect(sql, SqlDialect.POSTGRESQL)).isFalse();
		assertThat(ExplainPolicy.isSingleSelect(sql, SqlDialect.H2)).isFalse();
		assertThat(ExplainPolicy.isSingleSelect("select 1 # 2", SqlDialect.POSTGRESQL)).isTrue();
		// On MySQL and MariaDB the rest of the line is a comment: what runs is "select
		// 1".
		assertThat(ExplainPolicy.isSingleSelect(sql, SqlDialect.MYSQL)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect("select 1 # 2\n; delete from victim", SqlDialect.MYSQL)).isFalse();
	}

	@Test
	void escapeStringsAreReadAsEachDatabaseReadsThem() {
		assertThat(ExplainPolicy.isSingleSelect("select E'\\''", SqlDialect.POSTGRESQL)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect("select E'\\''; delete from victim; -- '", SqlDialect.POSTGRESQL))
			.isFalse();
		// With standard_conforming_strings off, PostgreSQL reads a backslash in a plain
		// string as an escape.
		assertThat(ExplainPolicy.isSingleSelect("select '\\'; delete from victim; -- '", SqlDialect.POSTGRESQL))
			.isFalse();
		// MariaDB reads backslash escapes, unless NO_BACKSLASH_ESCAPES is set: both
		// readings must agree.
		assertThat(ExplainPolicy.isSingleSelect("select 'a\\'b'", SqlDialect.MYSQL)).isFalse();
		assertThat(ExplainPolicy.isSingleSelect("select 'a\\\\b'", SqlDialect.MYSQL)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect("select \"a\\\"; delete from victim; -- \"", SqlDialect.MYSQL))
			.isFalse();
	}

	@Test
	void commentsAreReadAsEachDatabaseReadsThem() {
		String nested = "select 1 /* /* */ ; delete from victim; /* */ */";
		assertThat(ExplainPolicy.isSingleSelect(nested, SqlDialect.POSTGRESQL)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect(nested, SqlDialect.H2)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect(nested, SqlDialect.MYSQL)).isFalse();
		// "--1" is a comment on PostgreSQL, but 1 - -1 on MariaDB.
		assertThat(ExplainPolicy.isSingleSelect("select 1--1; delete from victim", SqlDialect.POSTGRESQL)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect("select 1--1; delete from victim", SqlDialect.MYSQL)).isFalse();
		assertThat(ExplainPolicy.isSingleSelect("select 1 // c\n", SqlDialect.H2)).isTrue();
		assertThat(ExplainPolicy.isSingleSelect("select 1 /*! ; drop table victim */", SqlDialect.MYSQL)).isFalse();
		assertThat(ExplainPolicy.isSingleSelect("select 1 /*!50000 into outfile 'x' */", SqlDialect.MYSQL)).isFalse();
		// A lone carriage return ends a line comment on some databases only.
		for (SqlDialect dialect : SqlDialect.values()) {
			assertThat(ExplainPolicy.isSingleSelect("select 1 -- c\r; delete from victim", dialect)).isFalse();
			assertThat(ExplainPolicy.isSingleSelect("select 1 -- c\r\n", dialect)).isTrue();
		}
	}

	@Test
	void theDecisionTakesTimeLinearInTheStatement() {
		for (String unit : List.of(" for update", " case when", " $a$", " /* /*", " 'x''", " \"y\"\"", "--\n", " x$y$",
				" e'\\'", " #")) {
			CountingText small = new CountingText("select 1" + unit.repeat(1_000));
			CountingText large = new CountingText("select 1" + unit.repeat(100_000));
			for (SqlDialect dialect : SqlDialect.values()) {
				small.reads = 0;
				large.reads = 0;
				ExplainPolicy.refusal(small, dialect);
				ExplainPolicy.refusal(large, dialect);
				// 100 times the text costs 100 times the reads (a little more for the
				// fixed part), not 10,000.
				assertThat(large.reads).as("'%s' on %s", unit, dialect).isLessThanOrEqualTo(110 * small.reads + 100);
				assertThat(large.reads).as("'%s' on %s", unit, dialect).isLessThanOrEqualTo(20L * large.length());
			}
		}
	}

	/**
	 * Text that counts how many characters are read from it.
	 */
	static final class CountingText implements CharSequence {

		private final String text;

		long reads;

		CountingText(String text) {
			this.text = text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			this.reads++;
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			this.reads += end - start;
			return this.text.subSequence(start, end);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
