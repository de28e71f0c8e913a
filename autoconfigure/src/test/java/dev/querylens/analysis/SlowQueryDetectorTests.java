package dev.querylens.analysis;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SlowQueryDetector}.
 */
class SlowQueryDetectorTests {

	private static final String SEARCH = "select p1_0.id from product p1_0 where p1_0.title like ?";

	private final SlowQueryDetector detector = new SlowQueryDetector(Duration.ofMillis(500));

	@Test
	void aStatementOverTheThresholdIsReportedWithTheIndexHint() {
		QueryGroups groups = Statements.recording().took(Duration.ofMillis(812)).run(SEARCH, "%pen%").groups();
		assertThat(this.detector.detect(groups)).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.SLOW_QUERY);
			assertThat(finding.message()).contains("took 812 ms, over the 500 ms threshold");
			assertThat(finding.suggestion()).contains("EXPLAIN").contains("@Index(columnList");
		});
	}

	@Test
	void aStatementAtTheThresholdIsNotSlow() {
		QueryGroups groups = Statements.recording().took(Duration.ofMillis(500)).run(SEARCH, "%pen%").groups();
		assertThat(this.detector.detect(groups)).isEmpty();
	}

	@Test
	void slowRunsOfOneShapeAreOneFindingNamingTheSlowest() {
		QueryGroups groups = Statements.recording()
			.took(Duration.ofMillis(600))
			.run(SEARCH, "%a%")
			.took(Duration.ofMillis(900))
			.run(SEARCH, "%b%")
			.run(SEARCH, "%c%")
			.groups();
		assertThat(this.detector.detect(groups)).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(2);
			assertThat(finding.queryIndexes()).containsExactly(0, 1);
			assertThat(finding.message()).contains("took 900 ms (slowest of 2 runs");
		});
	}

	@Test
	void aSlowWriteGetsAdviceAboutLocksNotAnIndexOnAResult() {
		QueryGroups groups = Statements.recording()
			.took(Duration.ofSeconds(2))
			.run("update product set stock=?", 0)
			.groups();
		assertThat(this.detector.detect(groups)).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion()).contains("locks"));
	}

}
