package dev.querylens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnboundedResultDetector}.
 */
class UnboundedResultDetectorTests {

	private final UnboundedResultDetector detector = new UnboundedResultDetector(1000);

	@Test
	void aSelectWithoutLimitThatReadMoreRowsThanTheThresholdIsReported() {
		QueryGroups groups = Statements.recording().rows(1001).run("select p1_0.id from product p1_0").groups();
		assertThat(this.detector.detect(groups)).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.UNBOUNDED_RESULT);
			assertThat(finding.message()).contains("read 1001 rows with no limit");
			assertThat(finding.suggestion()).contains("Pageable").contains("Stream<T>");
		});
	}

	@Test
	void exactlyTheThresholdIsNotReported() {
		assertThat(this.detector.detect(Statements.recording().rows(1000).run("select id from product").groups()))
			.isEmpty();
	}

	@Test
	void aLimitOrFetchFirstOrOffsetBoundsTheStatement() {
		assertThat(this.detector.detect(Statements.recording()
			.rows(5000)
			.run("select id from product order by id limit ?", 5000)
			.rows(5000)
			.run("select id from product order by id offset ? rows fetch first ? rows only", 0, 5000)
			.rows(5000)
			.run("select id from product order by id offset 10")
			.rows(5000)
			.run("select top 5000 id from product")
			.groups())).isEmpty();
	}

	@Test
	void aLimitInsideASubQueryDoesNotBoundTheOuterQuery() {
		QueryGroups groups = Statements.recording()
			.rows(2000)
			.run("select p.id from product p where p.id in (select id from featured limit 10) or p.price < ?", 5)
			.groups();
		assertThat(this.detector.detect(groups)).hasSize(1);
	}

	@Test
	void aWithQueryEndingInASelectIsARead() {
		QueryGroups groups = Statements.recording()
			.rows(2000)
			.run("with recent as (select id from orders limit 10) select * from order_item")
			.groups();
		assertThat(this.detector.detect(groups)).hasSize(1);
	}

	@Test
	void writesTouchingManyRowsAreNotReads() {
		assertThat(this.detector.detect(Statements.recording().rows(5000).run("update product set stock=0").groups()))
			.isEmpty();
	}

}
