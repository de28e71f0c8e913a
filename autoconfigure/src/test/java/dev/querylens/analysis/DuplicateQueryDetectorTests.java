package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.querylens.analysis.Recordings.LOAD_CUSTOMER;
import static dev.querylens.analysis.Recordings.LOAD_ORDERS;
import static dev.querylens.analysis.Recordings.ORDER_SERVICE;
import static dev.querylens.analysis.Recordings.REPORT_SERVICE;
import static dev.querylens.analysis.Recordings.recording;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DuplicateQueryDetector}.
 */
class DuplicateQueryDetectorTests {

	private static final String LOAD_ORDERS_OF_CUSTOMER = "select o1_0.id from orders o1_0 where o1_0.customer_id=?";

	private final DuplicateQueryDetector detector = new DuplicateQueryDetector();

	@Test
	void aPairOfIdenticalQueriesIsOneFindingOfTwo() {
		List<Finding> findings = this.detector.detect(recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_ORDERS, ORDER_SERVICE)
			.query(LOAD_CUSTOMER, REPORT_SERVICE, 1)
			.groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.DUPLICATE_QUERY);
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.count()).isEqualTo(2);
			assertThat(finding.queryIndexes()).containsExactly(0, 2);
			assertThat(finding.callSite()).isEqualTo(ORDER_SERVICE.toString());
			assertThat(finding.message()).isEqualTo("`select … from customer c1_0 where c1_0.id=?` ran 2 times with "
					+ "the same parameters, first from `com.example.OrderService.list(OrderService.java:31)`.");
			assertThat(finding.suggestion()).contains("variable")
				.doesNotContain("persistence context")
				.doesNotContain("findById");
		});
	}

	@Test
	void theFirstExecutionsCallSiteIsNamedAndWhenItHasNoneThatIsSaid() {
		List<Finding> findings = this.detector
			.detect(recording().query(LOAD_CUSTOMER, null, 1).query(LOAD_CUSTOMER, REPORT_SERVICE, 1).groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.callSite()).isNull();
			assertThat(finding.message()).endsWith("ran 2 times with the same parameters, first from an unknown call "
					+ "site (a later one from `" + REPORT_SERVICE + "`).");
		});
	}

	@Test
	void statementsTheOrmMadeEntitiesOfGetPersistenceContextAdviceNamingTheRepositoryMethod() {
		Recordings recording = recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 1);
		recording.entityStatement(0, "CustomerRepository.findById");
		assertThat(this.detector.detect(recording.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.message()).startsWith(
					"`select … from customer c1_0 where c1_0.id=?` " + "(`CustomerRepository.findById`) ran 2 times");
			assertThat(finding.suggestion()).contains("`CustomerRepository.findById`").contains("persistence context");
		});
	}

	@Test
	void aRepeatedUnitOfSeveralStatementsIsOneFindingNamingTheUnit() {
		Recordings recording = recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_ORDERS_OF_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, REPORT_SERVICE, 1)
			.query(LOAD_ORDERS_OF_CUSTOMER, REPORT_SERVICE, 1);
		recording.entityStatement(0, "CustomerRepository.findById");
		assertThat(this.detector.detect(recording.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(2);
			assertThat(finding.queryIndexes()).containsExactly(0, 1, 2, 3);
			assertThat(finding.callSite()).isEqualTo(ORDER_SERVICE.toString());
			assertThat(finding.message()).isEqualTo("`CustomerRepository.findById`, 2 statements (`select … from "
					+ "customer c1_0 where c1_0.id=?`, then `select … from orders o1_0 where o1_0.customer_id=?`) ran "
					+ "2 times with the same parameters, first from `" + ORDER_SERVICE + "`.");
		});
	}

	@Test
	void twoStatementsRepeatedApartAreTwoFindings() {
		List<Finding> findings = this.detector.detect(recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_ORDERS_OF_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, REPORT_SERVICE, 1)
			.query(LOAD_ORDERS, REPORT_SERVICE)
			.query(LOAD_ORDERS_OF_CUSTOMER, REPORT_SERVICE, 1)
			.groups());
		assertThat(findings).hasSize(2);
	}

	@Test
	void eachDistinctStatementAndParametersIsItsOwnFinding() {
		List<Finding> findings = this.detector.detect(recording().query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 2)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 2)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.groups());
		assertThat(findings).extracting(Finding::count).containsExactly(3, 2);
		assertThat(findings).extracting(Finding::queryIndexes).containsExactly(List.of(0, 2, 4), List.of(1, 3));
	}

	@Test
	void sameSqlWithOtherParametersIsNotADuplicate() {
		assertThat(this.detector.detect(recording().nPlusOne(5, ORDER_SERVICE).groups())).isEmpty();
	}

	@Test
	void statementsWithoutParametersRepeatedAreDuplicates() {
		assertThat(this.detector
			.detect(recording().query(LOAD_ORDERS, ORDER_SERVICE).query(LOAD_ORDERS, ORDER_SERVICE).groups()))
			.singleElement()
			.extracting(Finding::count)
			.isEqualTo(2);
	}

	@Test
	void callsOfASequenceAreNotDuplicatesSinceEachGivesANewValue() {
		assertThat(this.detector.detect(Statements.recording()
			.run("select next value for tag_seq")
			.run("select next value for tag_seq")
			.run("select nextval('tag_seq')")
			.run("select nextval('tag_seq')")
			.groups())).isEmpty();
	}

}
