package dev.querylens.explain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SqlDialect}: each database's EXPLAIN, and how its plans are read.
 */
class SqlDialectTests {

	@Test
	void eachDatabaseGetsItsOwnExplain() {
		assertThat(SqlDialect.of("H2").prefix()).isEqualTo("EXPLAIN ");
		assertThat(SqlDialect.of("PostgreSQL").prefix()).isEqualTo("EXPLAIN (FORMAT TEXT) ");
		assertThat(SqlDialect.of("MySQL")).isEqualTo(SqlDialect.MYSQL);
		assertThat(SqlDialect.of("MariaDB")).isEqualTo(SqlDialect.MYSQL);
		assertThatIllegalArgumentException().isThrownBy(() -> SqlDialect.of("Oracle"));
		assertThatIllegalArgumentException().isThrownBy(() -> SqlDialect.of(null));
	}

	@Test
	void aPostgresSeqScanWithAFilterNamesTheTableAndColumn() {
		QueryPlan plan = postgres("Seq Scan on jps_product p  (cost=0.00..1.62 rows=1 width=8)",
				"  Filter: ((title)::text = 'Product 7'::text)");
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isEqualTo("title");
		assertThat(plan.describe()).contains("`@Table(indexes = @Index(columnList = \"title\"))`");
	}

	@Test
	void aPostgresIndexScanIsNoFullScan() {
		QueryPlan plan = postgres(
				"Index Scan using jps_product_pkey on jps_product p  (cost=0.15..8.17 rows=1 width=8)",
				"  Index Cond: (id = 7)");
		assertThat(plan.scannedTable()).isNull();
		assertThat(plan.describe()).doesNotContain("@Index").contains("EXPLAIN on PostgreSQL");
	}

	@Test
	void aPostgresSeqScanWithoutFilterNamesNoColumn() {
		QueryPlan plan = postgres("Seq Scan on \"public\".\"jps_product\" p  (cost=0.00..1.50 rows=50 width=8)");
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isNull();
		assertThat(plan.describe()).doesNotContain("columnList");
	}

	@Test
	void anH2TableScanNamesTheTableAndTheFilteredColumn() {
		QueryPlan plan = h2("SELECT \"P\".\"ID\" FROM \"PUBLIC\".\"JPS_PRODUCT\" \"P\" "
				+ "/* PUBLIC.JPS_PRODUCT.tableScan */ WHERE \"P\".\"TITLE\" = 'Product 7'");
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isEqualTo("title");
	}

	@Test
	void anH2IndexLookupIsNoFullScan() {
		QueryPlan plan = h2("SELECT \"P\".\"ID\" FROM \"PUBLIC\".\"JPS_PRODUCT\" \"P\" "
				+ "/* PUBLIC.PRIMARY_KEY_4: ID = 7 */ WHERE \"P\".\"ID\" = 7");
		assertThat(plan.scannedTable()).isNull();
	}

	@Test
	void aMariaDbFullScanIsFoundBehindItsAlias() {
		QueryPlan plan = SqlDialect.MYSQL.read("MariaDB", "EXPLAIN …", List.of("id", "table", "type", "key"),
				List.of(List.of("1", "p", "ALL", "")), "select p.id from jps_product p where p.title = ?");
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isEqualTo("title");
		assertThat(plan.plan()).isEqualTo("id: 1, table: p, type: ALL, key: ");
	}

	private static QueryPlan postgres(String... lines) {
		return SqlDialect.POSTGRESQL.read("PostgreSQL", "EXPLAIN …", List.of("QUERY PLAN"), rows(lines), "select …");
	}

	private static QueryPlan h2(String... lines) {
		return SqlDialect.H2.read("H2", "EXPLAIN …", List.of("PLAN"), rows(lines), "select …");
	}

	private static List<List<String>> rows(String... lines) {
		return List.of(lines).stream().map(List::of).toList();
	}

}
