package dev.querylens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WideRowsDetector}.
 */
class WideRowsDetectorTests {

	private static final String LOAD_ENTRIES = "select ce1_0.id,ce1_0.description,ce1_0.name,ce1_0.price "
			+ "from catalog_entry ce1_0 order by ce1_0.id";

	private final WideRowsDetector detector = new WideRowsDetector(4096, 20);

	@Test
	void aSelectThatReadALargeColumnForManyRowsIsReported() {
		QueryGroups groups = Statements.recording().read(20, 20 * 51_230, "DESCRIPTION").run(LOAD_ENTRIES).groups();
		assertThat(this.detector.detect(groups)).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.WIDE_ROWS);
			assertThat(finding.count()).isEqualTo(1);
			assertThat(finding.queryIndexes()).containsExactly(0);
			assertThat(finding.message()).contains("read 20 rows of 50 kB each on average")
				.contains("`catalog_entry.description`")
				.contains("ShopService.run");
			assertThat(finding.suggestion()).contains("interface projection")
				.contains("@Basic(fetch = FetchType.LAZY)")
				.contains("`description`")
				.contains("enableLazyInitialization")
				.contains("@OneToOne(fetch = FetchType.LAZY)");
		});
	}

	@Test
	void manyNarrowRowsAreNotReported() {
		QueryGroups groups = Statements.recording()
			.read(5000, 5000 * 120, null)
			.run("select p1_0.id,p1_0.name from product p1_0")
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void oneWideRowIsNotReported() {
		QueryGroups groups = Statements.recording()
			.read(1, 2_000_000, "BODY")
			.run("select d1_0.id,d1_0.body from document d1_0 where d1_0.id=?", 7)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void fewerRowsThanTheMinimumAreNotReported() {
		QueryGroups groups = Statements.recording().read(19, 19 * 51_230, "description").run(LOAD_ENTRIES).groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void anAverageJustBelowTheThresholdIsNotReported() {
		QueryGroups groups = Statements.recording()
			.read(100, 100 * 4095, "description")
			.run(LOAD_ENTRIES)
			.read(100, 100 * 4096, "description")
			.run(LOAD_ENTRIES)
			.groups();
		assertThat(this.detector.detect(groups)).singleElement()
			.satisfies((finding) -> assertThat(finding.queryIndexes()).containsExactly(1));
	}

	@Test
	void writesAreNotReads() {
		QueryGroups groups = Statements.recording()
			.read(50, 50 * 10_000, null)
			.run("update catalog_entry set description=? where id=?", "…", 1)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void aWithQueryEndingInASelectIsARead() {
		QueryGroups groups = Statements.recording()
			.read(30, 30 * 8192, null)
			.run("with recent as (select id from catalog_entry limit 50) select e.* from catalog_entry e "
					+ "join recent r on r.id = e.id")
			.groups();
		assertThat(this.detector.detect(groups)).singleElement().satisfies((finding) -> {
			assertThat(finding.message()).contains("read 30 rows of 8192 B each").doesNotContain("largest values");
			assertThat(finding.suggestion()).contains("the large column");
		});
	}

	@Test
	void theTableIsTheFirstAfterTheTopLevelFrom() {
		assertThat(WideRowsDetector.readTable("select d.id from (select id from doc) d")).isNull();
		assertThat(WideRowsDetector
			.readTable("select ce1_0.id from public.catalog_entry ce1_0 where ce1_0.id in " + "(select id from other)"))
			.isEqualTo("catalog_entry");
	}

}
