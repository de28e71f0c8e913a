package dev.querylens.analysis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link SqlFingerprint} and {@link SqlFingerprintCache}.
 */
class SqlFingerprintTests {

	static Stream<Arguments> statements() {
		return Stream.of(
				// Hibernate 7 on H2
				Arguments.of("select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?",
						"select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?"),
				Arguments.of("insert into orders (customer_id,id) values (?,?)",
						"insert into orders (customer_id,id) values (?,?)"),
				Arguments.of("update customer c1_0 set name=? where c1_0.id=?",
						"update customer c1_0 set name=? where c1_0.id=?"),
				Arguments.of("select o1_0.id,o1_0.customer_id from orders o1_0 where o1_0.id in (?,?,?)",
						"select o1_0.id,o1_0.customer_id from orders o1_0 where o1_0.id in (?)"),
				Arguments.of("select next value for customer_seq", "select next value for customer_seq"),
				Arguments.of(
						"select o1_0.id from orders o1_0 join customer c1_0 on c1_0.id=o1_0.customer_id "
								+ "order by o1_0.id offset ? rows fetch first ? rows only",
						"select o1_0.id from orders o1_0 join customer c1_0 on c1_0.id=o1_0.customer_id "
								+ "order by o1_0.id offset ? rows fetch first ? rows only"),
				Arguments.of(
						"select count(o1_0.id) from orders o1_0 where c1_0.name like 'cust%' escape '' and o1_0.id>3",
						"select count(o1_0.id) from orders o1_0 where c1_0.name like ? escape ? and o1_0.id>?"),
				Arguments.of(
						"with recursive t(n) as (select 1 union all select n+1 from t where n < 10) select n from t",
						"with recursive t(n) as (select ? union all select n+? from t where n < ?) select n from t"),
				Arguments.of("SET SCHEMA PUBLIC", "set schema public"),
				Arguments.of("SET search_path TO 'public'", "set search_path to ?"),
				// PostgreSQL
				Arguments.of("select c1_0.id from customer c1_0 where c1_0.name=$1 and c1_0.id = $2",
						"select c1_0.id from customer c1_0 where c1_0.name=? and c1_0.id = ?"),
				Arguments.of("select c1_0.id::text, '2024-01-01'::date from customer c1_0 limit ? offset ?",
						"select c1_0.id::text, ?::date from customer c1_0 limit ? offset ?"),
				Arguments.of("select $$it's$$, $body$ a $$ b $body$, E'it\\'s', x from t", "select ?, ?, ?, x from t"),
				Arguments.of("select \"Order\".\"Id\" from \"Order\" where \"Order\".\"Id\" = 42",
						"select \"Order\".\"Id\" from \"Order\" where \"Order\".\"Id\" = ?"),
				Arguments.of("select data #>> '{a,b}' from t where data #- '{c}' is not null",
						"select data #>> ? from t where data #- ? is not null"),
				// MariaDB
				Arguments.of("SELECT `c`.`Name` FROM `customer` `c` # by name\nWHERE `c`.`id` = 7 LIMIT 10",
						"select `c`.`Name` from `customer` `c` where `c`.`id` = ? limit ?"),
				Arguments.of(
						"insert into order_item (order_id,product_id,quantity,id) values (?,?,?,?),(?,?,?,?),(?,?,?,?)",
						"insert into order_item (order_id,product_id,quantity,id) values (?,?,?,?)"),
				Arguments.of("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') ON DUPLICATE KEY UPDATE b = VALUES(b)",
						"insert into t (a, b) values (?, ?) on duplicate key update b = values(b)"),
				// Literals of every kind
				Arguments.of("select * from t where a = -1.5e-3 and b = 0x1F and c = X'ff' and d = TRUE and e = NULL",
						"select * from t where a = ? and b = ? and c = ? and d = ? and e = ?"),
				Arguments.of("select a - 1, -2 from t where x is null and y is not true",
						"select a - ?, ? from t where x is null and y is not true"),
				Arguments.of("select 'O''Brien', N'x', .5 from t", "select ?, ?, ? from t"),
				// Comments and whitespace
				Arguments.of("/* load Order */ select  *\n\tfrom t -- trailing\nwhere id = ?",
						"select * from t where id = ?"),
				Arguments.of("select * from t where id in ( ?, ? ) and x in (select y from u)",
						"select * from t where id in (?) and x in (select y from u)"));
	}

	@ParameterizedTest
	@MethodSource("statements")
	void statementsAsDriversReceiveThemHaveTheseFingerprints(String sql, String fingerprint) {
		assertThat(SqlFingerprint.of(sql)).isEqualTo(fingerprint);
	}

	@Test
	void inListsOfAnyLengthShareOneFingerprint() {
		String one = SqlFingerprint.of("select * from t where id in (?)");
		String two = SqlFingerprint.of("select * from t where id in (?, ?)");
		String many = SqlFingerprint.of("select * from t where id in ("
				+ IntStream.range(0, 500).mapToObj((i) -> "?").collect(Collectors.joining(",")) + ")");
		String literals = SqlFingerprint.of("select * from t where id IN (1, 2, 'three')");
		assertThat(one).isEqualTo("select * from t where id in (?)").isEqualTo(two).isEqualTo(many).isEqualTo(literals);
	}

	@Test
	void multiRowValuesShareTheSingleRowFingerprint() {
		assertThat(SqlFingerprint.of("insert into t (a,b) values (?,?), (?,?), (?,?)"))
			.isEqualTo(SqlFingerprint.of("insert into t (a,b) values (?,?)"));
	}

	@Test
	void quotedIdentifiersKeepTheirCaseAndUnquotedWordsAreLowerCased() {
		assertThat(SqlFingerprint.of("SELECT \"MixedCase\", Plain FROM T"))
			.isEqualTo("select \"MixedCase\", plain from t");
	}

	@Test
	void nullAndEmptyInputGiveTheEmptyString() {
		assertThat(SqlFingerprint.of(null)).isEmpty();
		assertThat(SqlFingerprint.of("")).isEmpty();
		assertThat(SqlFingerprint.of(" \n\t ")).isEmpty();
	}

	@Test
	void unterminatedQuotesAndCommentsRunToTheEnd() {
		assertThat(SqlFingerprint.of("select 'unterminated from t")).isEqualTo("select ?");
		assertThat(SqlFingerprint.of("select a /* open comment")).isEqualTo("select a");
		assertThat(SqlFingerprint.of("select $tag$ open")).isEqualTo("select ?");
		assertThat(SqlFingerprint.of("select \"open")).isEqualTo("select \"open");
		assertThat(SqlFingerprint.of("select E'\\")).isEqualTo("select ?");
		assertThat(SqlFingerprint.of("select * from t where id in (?, ?"))
			.isEqualTo("select * from t where id in (?, ?");
		assertThat(SqlFingerprint.of("))) values (( ,")).isNotNull();
	}

	@Test
	void aMegabyteStatementIsFingerprintedQuickly() {
		StringBuilder sql = new StringBuilder("insert into t (a,b) values ");
		while (sql.length() < 1024 * 1024) {
			sql.append("(1,'it''s'),");
		}
		sql.append("(2,'x')");
		String fingerprint = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SqlFingerprint.of(sql.toString()));
		assertThat(fingerprint).isEqualTo("insert into t (a,b) values (?,?)");
		String quotes = "'" + "x".repeat(1024 * 1024);
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SqlFingerprint.of(quotes));
		String dollars = "$a$ ".repeat(256 * 1024);
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SqlFingerprint.of(dollars));
		String parentheses = "in (".repeat(256 * 1024);
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SqlFingerprint.of(parentheses));
	}

	@Test
	void randomBytesNeverThrow() {
		Random random = new Random(42);
		String alphabet = "'\"`$-/*#()?,.:;eExX0123456789 \n\\abcINVALUES";
		for (int i = 0; i < 10_000; i++) {
			byte[] bytes = new byte[random.nextInt(64)];
			random.nextBytes(bytes);
			assertThat(SqlFingerprint.of(new String(bytes, StandardCharsets.UTF_8))).isNotNull();
			StringBuilder sql = new StringBuilder();
			for (int j = random.nextInt(64); j > 0; j--) {
				sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(SqlFingerprint.of(sql.toString())).isNotNull();
		}
	}

	@Test
	void cacheReturnsTheSameFingerprintAndStaysBounded() {
		SqlFingerprintCache cache = new SqlFingerprintCache(100);
		for (int i = 0; i < 1000; i++) {
			assertThat(cache.fingerprint("select * from t where id = " + i)).isEqualTo("select * from t where id = ?");
			assertThat(cache.size()).isLessThanOrEqualTo(100);
		}
		assertThat(cache.fingerprint(null)).isEmpty();
	}

}
