package dev.querylens.analysis;

import org.junit.jupiter.api.Test;

import static dev.querylens.analysis.Recordings.LOAD_CUSTOMER;
import static dev.querylens.analysis.Recordings.LOAD_ORDERS;
import static dev.querylens.analysis.Recordings.ORDER_SERVICE;
import static dev.querylens.analysis.Recordings.recording;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryGroups}.
 */
class QueryGroupsTests {

	@Test
	void aParentQueryAndTenLazyLoadsOfOneShapeGiveTenSimilarAsTheirMarksSay() {
		QueryGroups groups = recording().nPlusOne(10, ORDER_SERVICE).groups();
		assertThat(groups.getSimilarCount()).isEqualTo(10);
		assertThat(groups.getDuplicateCount()).isZero();
		assertThat(groups.getQueries()).extracting(AnalyzedQuery::similarGroup)
			.containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
		assertThat(groups.getQueries()).extracting(AnalyzedQuery::duplicateOf).containsOnlyNulls();
	}

	@Test
	void twoIdenticalQueriesGiveOneDuplicate() {
		QueryGroups groups = recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_ORDERS, ORDER_SERVICE)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.groups();
		assertThat(groups.getDuplicateCount()).isEqualTo(1);
		assertThat(groups.getSimilarCount()).isZero();
		assertThat(groups.getQueries()).extracting(AnalyzedQuery::duplicateOf).containsExactly(null, null, 0);
		assertThat(groups.getQueries()).extracting(AnalyzedQuery::similarGroup).containsExactly(0, 1, 0);
	}

	@Test
	void aStatementWithoutParametersRepeatedIsADuplicate() {
		QueryGroups groups = recording().query(LOAD_ORDERS, ORDER_SERVICE).query(LOAD_ORDERS, ORDER_SERVICE).groups();
		assertThat(groups.getDuplicateCount()).isEqualTo(1);
		assertThat(groups.getQueries().get(1).duplicateOf()).isZero();
	}

	@Test
	void statementsWithUnknownParametersAreSimilarNotDuplicates() {
		QueryGroups groups = recording().unknownParameters(LOAD_CUSTOMER, ORDER_SERVICE)
			.unknownParameters(LOAD_CUSTOMER, ORDER_SERVICE)
			.groups();
		assertThat(groups.getDuplicateCount()).isZero();
		assertThat(groups.getSimilarCount()).isEqualTo(2);
	}

	@Test
	void pureDuplicatesAreNotSimilar() {
		Recordings recording = recording();
		for (int i = 0; i < 7; i++) {
			recording.query(LOAD_CUSTOMER, ORDER_SERVICE, 1);
		}
		QueryGroups groups = recording.groups();
		assertThat(groups.getDuplicateCount()).isEqualTo(6);
		assertThat(groups.getSimilarCount()).isZero();
	}

	@Test
	void duplicatesOfASimilarShapeCountOnceAmongItsStatements() {
		QueryGroups groups = recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 2)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.groups();
		assertThat(groups.getDuplicateCount()).isEqualTo(1);
		assertThat(groups.getSimilarCount()).isEqualTo(2);
	}

	@Test
	void literalsAndInListsOfOtherLengthsAreSimilar() {
		QueryGroups groups = recording().query("select * from t where id = 1", ORDER_SERVICE)
			.query("select * from t where id = 2", ORDER_SERVICE)
			.query("select * from u where id in (?, ?)", ORDER_SERVICE, 1, 2)
			.query("select * from u where id in (?, ?, ?)", ORDER_SERVICE, 1, 2, 3)
			.groups();
		assertThat(groups.getSimilarCount()).isEqualTo(4);
		assertThat(groups.getQueries()).extracting(AnalyzedQuery::fingerprint)
			.containsExactly("select * from t where id = ?", "select * from t where id = ?",
					"select * from u where id in (?)", "select * from u where id in (?)");
	}

	@Test
	void queriesPastTheLimitOfATruncatedRecordingCountAsSimilar() {
		Recordings recording = recording(3).nPlusOne(5, ORDER_SERVICE)
			.query("select 1 from dual", ORDER_SERVICE)
			.query("select 1 from dual", ORDER_SERVICE);
		QueryGroups groups = recording.groups();
		assertThat(groups.getRecording().isTruncated()).isTrue();
		assertThat(groups.getQueries()).hasSize(3);
		// Kept: orders, customer 1, customer 2. Past the limit: 3 customer loads (5 of
		// that shape in all), then
		// "select 1" twice, whose parameters are not known past the limit, so both count
		// as similar.
		assertThat(groups.getSimilarCount()).isEqualTo(5 + 2);
		assertThat(groups.getDuplicateCount()).isZero();
	}

}
