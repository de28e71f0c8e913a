package dev.querylens.analysis;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static dev.querylens.analysis.Recordings.LOAD_CUSTOMER;
import static dev.querylens.analysis.Recordings.LOAD_ORDERS;
import static dev.querylens.analysis.Recordings.ORDER_SERVICE;
import static dev.querylens.analysis.Recordings.REPORT_SERVICE;
import static dev.querylens.analysis.Recordings.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link NPlusOneDetector}.
 */
class NPlusOneDetectorTests {

	private final NPlusOneDetector detector = new NPlusOneDetector();

	@Test
	void similarSelectsFromOneCallSiteAreAnNPlusOne() {
		List<Finding> findings = this.detector.detect(recording().nPlusOne(10, ORDER_SERVICE).groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.count()).isEqualTo(10);
			assertThat(finding.queryIndexes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
			assertThat(finding.fingerprint()).isEqualTo(LOAD_CUSTOMER);
			assertThat(finding.callSite()).isEqualTo("com.example.OrderService.list(OrderService.java:31)");
			assertThat(finding.message()).isEqualTo("`select … from customer c1_0 where c1_0.id=?` ran 10 times with "
					+ "different parameters from `com.example.OrderService.list(OrderService.java:31)`.");
			assertThat(finding.association()).isNull();
			assertThat(finding.suggestion()).contains("`IN (…)`");
			assertThat(finding.ignored()).isFalse();
		});
	}

	@Test
	void identicalStatementsRepeatedAreDuplicatesNotAnNPlusOne() {
		Recordings recording = recording().query(LOAD_ORDERS, ORDER_SERVICE);
		for (int i = 0; i < 5; i++) {
			recording.query(LOAD_CUSTOMER, ORDER_SERVICE, 7);
		}
		assertThat(this.detector.detect(recording.groups())).isEmpty();
	}

	@Test
	void exactRepeatsInsideAnNPlusOneArePartOfItWithTheirKeysNamed() {
		List<Finding> findings = this.detector.detect(recording().nPlusOne(4, ORDER_SERVICE)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 1)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 2)
			.query(LOAD_CUSTOMER, ORDER_SERVICE, 2)
			.groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(7);
			assertThat(finding.queryIndexes()).containsExactly(1, 2, 3, 4, 5, 6, 7);
			assertThat(finding.message()).endsWith("ran 4 times with different parameters from `" + ORDER_SERVICE
					+ "`; 3 more times it read a key it had already read (`1`, `2`).");
		});
	}

	@Test
	void anNPlusOneWithoutRepeatsSaysNothingOfRepeatedKeys() {
		assertThat(this.detector.detect(recording().nPlusOne(4, ORDER_SERVICE).groups())).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.count()).isEqualTo(4);
				assertThat(finding.message()).doesNotContain("already read");
			});
	}

	@Test
	void aJdbcBatchIsOneStatement() {
		Recordings recording = recording();
		for (int i = 0; i < 3; i++) {
			recording.batch(LOAD_CUSTOMER, 20, ORDER_SERVICE, i);
		}
		assertThat(this.detector.detect(recording.groups())).isEmpty();
	}

	@Test
	void anInBatchFetchIsOneStatement() {
		String batchFetch = "select c1_0.id,c1_0.name from customer c1_0 where c1_0.id in (?,?,?)";
		Recordings recording = recording().query(LOAD_ORDERS, ORDER_SERVICE);
		for (int i = 0; i < 4; i++) {
			recording.query(batchFetch, ORDER_SERVICE, 3 * i, 3 * i + 1, 3 * i + 2);
		}
		recording.query("select c1_0.id,c1_0.name from customer c1_0 where c1_0.id = any (?)", ORDER_SERVICE, "[1, 2]")
			.query("select c1_0.id,c1_0.name from customer c1_0 where c1_0.id = any (?)", ORDER_SERVICE, "[3, 4]")
			.query("select c1_0.id,c1_0.name from customer c1_0 where c1_0.id = any (?)", ORDER_SERVICE, "[5, 6]");
		assertThat(this.detector.detect(recording.groups())).isEmpty();
	}

	@Test
	void fewerThanTheThresholdIsNotAnNPlusOne() {
		assertThat(this.detector.detect(recording().nPlusOne(2, ORDER_SERVICE).groups())).isEmpty();
		assertThat(new NPlusOneDetector(5, AssociationResolver.none())
			.detect(recording().nPlusOne(4, ORDER_SERVICE).groups())).isEmpty();
	}

	@Test
	void twoCallSitesAreSplit() {
		List<Finding> findings = this.detector
			.detect(recording().nPlusOne(3, ORDER_SERVICE).nPlusOne(4, REPORT_SERVICE).groups());
		assertThat(findings).extracting(Finding::callSite, Finding::count)
			.containsExactly(tuple(ORDER_SERVICE.toString(), 3), tuple(REPORT_SERVICE.toString(), 4));
		assertThat(this.detector.detect(recording().nPlusOne(2, ORDER_SERVICE).nPlusOne(2, REPORT_SERVICE).groups()))
			.isEmpty();
	}

	@Test
	void unsampledExecutionsAreAttributedToTheMostFrequentSampledCallSite() {
		Recordings recording = recording().query(LOAD_ORDERS, ORDER_SERVICE);
		recording.query(LOAD_CUSTOMER, REPORT_SERVICE, 0);
		for (int i = 1; i <= 9; i++) {
			recording.query(LOAD_CUSTOMER, ORDER_SERVICE, i);
		}
		for (int i = 10; i < 20; i++) {
			recording.query(LOAD_CUSTOMER, null, i);
		}
		List<Finding> findings = this.detector.detect(recording.groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.callSite()).isEqualTo(ORDER_SERVICE.toString());
			assertThat(finding.count()).isEqualTo(19);
		});
	}

	@Test
	void withoutAnyCallSiteTheStatementsStillFormAnNPlusOne() {
		List<Finding> findings = this.detector.detect(recording().nPlusOne(3, null).groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.callSite()).isNull();
			assertThat(finding.message()).contains("from an unknown call site");
		});
	}

	@Test
	void writesAreNotAnNPlusOne() {
		Recordings recording = recording();
		for (int i = 0; i < 5; i++) {
			recording.query("update customer c1_0 set name=? where c1_0.id=?", ORDER_SERVICE, "n", i);
			recording.query("with t as (select ?) delete from customer where id = ?", ORDER_SERVICE, "n", i);
		}
		assertThat(this.detector.detect(recording.groups())).isEmpty();
	}

	@Test
	void aReadOnlyWithQueryCanBeAnNPlusOne() {
		Recordings recording = recording();
		for (int i = 0; i < 3; i++) {
			recording.query("with t as (select id from customer where id = ?) select * from t", ORDER_SERVICE, i);
		}
		assertThat(this.detector.detect(recording.groups())).hasSize(1);
	}

	@Test
	void aToOneAssociationIsFixedWithAJoinFetch() {
		Association customer = new Association("Order", "customer", false, "Customer");
		NPlusOneDetector detector = new NPlusOneDetector(3, (sql) -> Optional.of(customer));
		Finding finding = detector.detect(recording().nPlusOne(10, ORDER_SERVICE).groups()).get(0);
		assertThat(finding.association()).isEqualTo("Order.customer");
		assertThat(finding.message()).endsWith(": the association `Order.customer` loaded once per `Order`.");
		assertThat(finding.suggestion()).contains("`join fetch o.customer`")
			.contains("`@EntityGraph(attributePaths = \"customer\")`");
	}

	@Test
	void aCollectionIsFixedWithBatchFetching() {
		Association items = new Association("Order", "items", true, "OrderItem");
		NPlusOneDetector detector = new NPlusOneDetector(3, (sql) -> Optional.of(items));
		Finding finding = detector.detect(recording().nPlusOne(10, ORDER_SERVICE).groups()).get(0);
		assertThat(finding.association()).isEqualTo("Order.items");
		assertThat(finding.suggestion()).contains("`@BatchSize(size = 16)` on `Order.items`")
			.contains("`spring.jpa.properties.hibernate.default_batch_fetch_size=16`")
			.contains("16 covers the 10 `Order`s loaded, rounded up to a standard size")
			.contains("`join fetch o.items`");
	}

}
