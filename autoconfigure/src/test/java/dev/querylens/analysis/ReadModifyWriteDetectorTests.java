package dev.querylens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReadModifyWriteDetector}.
 */
class ReadModifyWriteDetectorTests {

	private static final String FIND_PRODUCT = "select p1_0.id,p1_0.stock,p1_0.title from product p1_0 where p1_0.id=?";

	private static final String UPDATE_PRODUCT = "update product set stock=?,title=? where id=?";

	private final ReadModifyWriteDetector detector = new ReadModifyWriteDetector();

	@Test
	void aRowReadByItsKeyThenWrittenBackIsReported() {
		QueryGroups groups = Statements.recording().run(FIND_PRODUCT, 7L).run(UPDATE_PRODUCT, 99, "Pen", 7L).groups();
		assertThat(this.detector.detect(groups)).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.READ_MODIFY_WRITE);
			assertThat(finding.queryIndexes()).containsExactly(0, 1);
			assertThat(finding.message())
				.startsWith("Row `id = 7` of `product` was read (#0) and then written back (#1)");
			assertThat(finding.suggestion()).contains("@Modifying @Query(\"update Entity e set e.x = e.x + :delta")
				.contains("@Version");
		});
	}

	@Test
	void anUpdateOfOneColumnNamesItInTheFix() {
		QueryGroups groups = Statements.recording()
			.run(FIND_PRODUCT, 7L)
			.run("update product set stock=? where id=?", 99, 7L)
			.groups();
		assertThat(this.detector.detect(groups)).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion()).contains("set e.stock = e.stock + :delta"));
	}

	@Test
	void anUpdateOfAnotherRowIsNotReported() {
		QueryGroups groups = Statements.recording().run(FIND_PRODUCT, 7L).run(UPDATE_PRODUCT, 99, "Pen", 8L).groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void anUpdateCheckedByAVersionIsNotReported() {
		QueryGroups groups = Statements.recording()
			.run(FIND_PRODUCT, 7L)
			.run("update product set stock=?,title=?,version=? where id=? and version=?", 99, "Pen", 2, 7L, 1)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void aRowUpdatedTwiceWithoutBeingReadIsNotReported() {
		QueryGroups groups = Statements.recording()
			.run(UPDATE_PRODUCT, 99, "Pen", 7L)
			.run(UPDATE_PRODUCT, 98, "Pen", 7L)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void anAtomicUpdateComputedInTheDatabaseIsNotReported() {
		QueryGroups groups = Statements.recording()
			.run(FIND_PRODUCT, 7L)
			.run("update product p1_0 set stock=(p1_0.stock-?) where p1_0.id=?", 1, 7L)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void withoutCapturedParametersNothingIsReported() {
		QueryGroups groups = Statements.recording()
			.runWithoutParameters(FIND_PRODUCT)
			.runWithoutParameters(UPDATE_PRODUCT)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void aRowOfAnotherTableWithTheSameKeyIsNotReported() {
		QueryGroups groups = Statements.recording()
			.run("select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?", 7L)
			.run(UPDATE_PRODUCT, 99, "Pen", 7L)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void aReadThatFoundNoRowIsNotReported() {
		QueryGroups groups = Statements.recording()
			.rows(0)
			.run(FIND_PRODUCT, 7L)
			.run(UPDATE_PRODUCT, 99, "Pen", 7L)
			.groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void aRowWrittenBackTwiceIsReportedOnce() {
		QueryGroups groups = Statements.recording()
			.run(FIND_PRODUCT, 7L)
			.run(UPDATE_PRODUCT, 99, "Pen", 7L)
			.run(UPDATE_PRODUCT, 98, "Pen", 7L)
			.groups();
		assertThat(this.detector.detect(groups)).hasSize(1);
	}

}
