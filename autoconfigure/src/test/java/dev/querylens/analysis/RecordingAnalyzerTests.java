package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.querylens.analysis.shop.Order;
import dev.querylens.analysis.shop.Shop;
import dev.querylens.capture.Recording;

import static dev.querylens.analysis.Recordings.LOAD_CUSTOMER;
import static dev.querylens.analysis.Recordings.ORDER_SERVICE;
import static dev.querylens.analysis.Recordings.REPORT_SERVICE;
import static dev.querylens.analysis.Recordings.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link RecordingAnalyzer}.
 */
class RecordingAnalyzerTests {

	@Test
	void findingsAreSortedMostSevereFirstThenByCount() {
		Recording recording = recording().query(LOAD_CUSTOMER, REPORT_SERVICE, 100)
			.query(LOAD_CUSTOMER, REPORT_SERVICE, 100)
			.query("select * from product where id = ?", ORDER_SERVICE, 1)
			.query("select * from product where id = ?", ORDER_SERVICE, 1)
			.query("select * from product where id = ?", ORDER_SERVICE, 1)
			.nPlusOne(3, ORDER_SERVICE)
			.finish();
		AnalyzedRecording analyzed = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none())
			.analyze(recording);
		assertThat(analyzed.findings()).extracting(Finding::type, Finding::count)
			.containsExactly(tuple(FindingType.N_PLUS_ONE, 3), tuple(FindingType.DUPLICATE_QUERY, 3),
					tuple(FindingType.DUPLICATE_QUERY, 2));
		assertThat(analyzed.duplicateCount()).isEqualTo(3);
		// Customers 100, 1, 2 and 3: four statements of one shape with different
		// parameters.
		assertThat(analyzed.similarCount()).isEqualTo(4);
		assertThat(analyzed.queries()).hasSize(9);
		assertThat(analyzed.recording()).isSameAs(recording);
	}

	@Test
	void aFailingDetectorIsSkipped() {
		FindingDetector failing = (groups) -> {
			throw new IllegalStateException("boom");
		};
		RecordingAnalyzer analyzer = new RecordingAnalyzer(List.of(failing, new NPlusOneDetector()),
				new SqlFingerprintCache());
		AnalyzedRecording analyzed = analyzer.analyze(recording().nPlusOne(5, ORDER_SERVICE).finish());
		assertThat(analyzed.findings()).extracting(Finding::type).containsExactly(FindingType.N_PLUS_ONE);
		assertThat(analyzer.analyze(recording().finish()).findings()).isEmpty();
	}

	@Test
	void anEmptyRecordingHasNoFindings() {
		AnalyzedRecording analyzed = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none())
			.analyze(recording().finish());
		assertThat(analyzed.queries()).isEmpty();
		assertThat(analyzed.findings()).isEmpty();
		assertThat(analyzed.duplicateCount()).isZero();
		assertThat(analyzed.similarCount()).isZero();
	}

	@Test
	void aLazyToOneReadInALoopOnHibernateIsAnNPlusOneOnTheNamedAssociation() {
		try (Shop shop = new Shop("analyzer")) {
			shop.seed();
			List<String> statements = shop.statementsOf((em) -> em.createQuery("select o from Order o", Order.class)
				.getResultList()
				.forEach((order) -> order.getCustomer().getName()));
			Recordings recording = recording();
			long customerId = 0;
			for (String sql : statements) {
				recording.query(sql, ORDER_SERVICE, customerId++);
			}
			RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(2,
					new JpaAssociationResolver(shop.getEntityManagerFactory().getMetamodel()));
			AnalyzedRecording analyzed = analyzer.analyze(recording.finish());
			assertThat(analyzed.findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
				assertThat(finding.count()).isEqualTo(2);
				assertThat(finding.association()).isEqualTo("Order.customer");
				assertThat(finding.suggestion()).contains("join fetch o.customer");
			});
		}
	}

	@Test
	void findingsMatchingAnIgnoreRuleAreKeptButMarkedIgnored() {
		Recording recording = recording().nPlusOne(5, ORDER_SERVICE)
			.query(LOAD_CUSTOMER, REPORT_SERVICE, 100)
			.query(LOAD_CUSTOMER, REPORT_SERVICE, 100)
			.finish();
		RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none())
			.withIgnoreRules(new IgnoreRules(List.of(IgnoreRule.ofType(FindingType.N_PLUS_ONE)), true));
		AnalyzedRecording analyzed = analyzer.analyze(recording);
		assertThat(analyzed.findings()).extracting(Finding::type, Finding::ignored)
			.containsExactly(tuple(FindingType.N_PLUS_ONE, true), tuple(FindingType.DUPLICATE_QUERY, false));
		assertThat(analyzed.activeFindings()).extracting(Finding::type).containsExactly(FindingType.DUPLICATE_QUERY);
		assertThat(analyzed.hasFinding(FindingType.N_PLUS_ONE)).isFalse();
	}

	@Test
	void withoutRulesNothingIsIgnored() {
		AnalyzedRecording analyzed = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none())
			.analyze(recording().nPlusOne(5, ORDER_SERVICE).finish());
		assertThat(analyzed.findings()).extracting(Finding::ignored).containsExactly(false);
	}

}
