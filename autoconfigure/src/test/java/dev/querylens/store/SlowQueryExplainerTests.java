package dev.querylens.store;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link SlowQueryExplainer} reads plans, and for replacing a stored recording's analysis.
 */
class SlowQueryExplainerTests {

	@Test
	void aPostgresSeqScanWithAFilterNamesTheTableAndColumn() {
		QueryPlan plan = SlowQueryExplainer.postgres("PostgreSQL", List.of(
				"Seq Scan on jps_product p  (cost=0.00..1.62 rows=1 width=8)",
				"  Filter: ((title)::text = 'Product 7'::text)"));
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isEqualTo("title");
		assertThat(plan.describe()).contains("`@Table(indexes = @Index(columnList = \"title\"))`");
	}

	@Test
	void aPostgresIndexScanIsNoFullScan() {
		QueryPlan plan = SlowQueryExplainer.postgres("PostgreSQL", List.of(
				"Index Scan using jps_product_pkey on jps_product p  (cost=0.15..8.17 rows=1 width=8)",
				"  Index Cond: (id = 7)"));
		assertThat(plan.scannedTable()).isNull();
		assertThat(plan.describe()).doesNotContain("@Index").contains("EXPLAIN on PostgreSQL");
	}

	@Test
	void aPostgresSeqScanWithoutFilterNamesNoColumn() {
		QueryPlan plan = SlowQueryExplainer.postgres("PostgreSQL",
				List.of("Seq Scan on \"public\".\"jps_product\" p  (cost=0.00..1.50 rows=50 width=8)"));
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isNull();
		assertThat(plan.describe()).doesNotContain("columnList");
	}

	@Test
	void anH2TableScanNamesTheTableAndTheFilteredColumn() {
		QueryPlan plan = SlowQueryExplainer.h2("H2", List.of("SELECT \"P\".\"ID\" FROM \"PUBLIC\".\"JPS_PRODUCT\" \"P\" "
				+ "/* PUBLIC.JPS_PRODUCT.tableScan */ WHERE \"P\".\"TITLE\" = 'Product 7'"));
		assertThat(plan.scannedTable()).isEqualTo("jps_product");
		assertThat(plan.column()).isEqualTo("title");
	}

	@Test
	void anH2IndexLookupIsNoFullScan() {
		QueryPlan plan = SlowQueryExplainer.h2("H2", List.of("SELECT \"P\".\"ID\" FROM \"PUBLIC\".\"JPS_PRODUCT\" \"P\" "
				+ "/* PUBLIC.PRIMARY_KEY_4: ID = 7 */ WHERE \"P\".\"ID\" = 7"));
		assertThat(plan.scannedTable()).isNull();
	}

	@Test
	void replacingARecordingKeepsItsPlaceAndAnEvictedOneIsNotAddedBack() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(2);
		AnalyzedRecording first = analyzed();
		AnalyzedRecording second = analyzed();
		store.add(first);
		store.add(second);
		AnalyzedRecording firstAgain = new AnalyzedRecording(first.recording(), List.of(), 5, 0, List.of());
		store.replace(firstAgain);
		assertThat(store.findAll()).containsExactly(second, firstAgain);
		assertThat(store.findById(first.recording().getId())).hasValueSatisfying(
				(found) -> assertThat(found.duplicateCount()).isEqualTo(5));
		store.add(analyzed());
		store.replace(firstAgain);
		assertThat(store.findAll()).hasSize(2).doesNotContain(firstAgain);
	}

	private static AnalyzedRecording analyzed() {
		Recording recording = Recording.start(Kind.TEST, null, "t", null, 10);
		recording.finish(0, null);
		return new AnalyzedRecording(recording, List.of(), 0, 0, List.of());
	}

}
