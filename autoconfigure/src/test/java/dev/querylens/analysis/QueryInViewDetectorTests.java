package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.querylens.capture.CallSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryInViewDetector} and how its findings absorb the duplicates and
 * N+1s they cause.
 */
class QueryInViewDetectorTests {

	private static final String PET_TYPES = "select p1_0.id,p1_0.name from types p1_0 order by p1_0.name";

	private static final String PET_TYPE = "select p1_0.id,p1_0.name from types p1_0 where p1_0.id=?";

	private static final String ORDERS = "select o1_0.id,o1_0.customer_id from orders o1_0";

	private static final String CUSTOMER = "select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?";

	private static final CallSite PARSE = new CallSite("org.springframework.samples.petclinic.owner.PetTypeFormatter",
			"parse", "PetTypeFormatter.java", 31);

	private static final CallSite CONTROLLER = new CallSite("org.springframework.samples.petclinic.owner.PetController",
			"populatePetTypes", "PetController.java", 50);

	private final QueryInViewDetector detector = new QueryInViewDetector();

	@Test
	void aFormatterQueryingOncePerOptionIsOneWarningNamingTheFormatter() {
		Statements statements = Statements.recording()
			.from(CONTROLLER)
			.run(PET_TYPES)
			.enterView("pets/createOrUpdatePetForm")
			.from(PARSE);
		for (int i = 0; i < 4; i++) {
			statements.run(PET_TYPES);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.QUERY_IN_VIEW);
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.count()).isEqualTo(4);
			assertThat(finding.queryIndexes()).containsExactly(1, 2, 3, 4);
			assertThat(finding.callSite()).isEqualTo(PARSE.toString());
			assertThat(finding.association()).isNull();
			assertThat(finding.message()).contains("ran 4 times while the view `pets/createOrUpdatePetForm` rendered")
				.contains("from `" + PARSE + "`")
				.contains("4 of them repeat a statement this request already ran");
			assertThat(finding.suggestion()).startsWith("`PetTypeFormatter.parse` converts values for the view")
				.contains("for each `<option>`")
				.contains("`@ModelAttribute` list");
		});
	}

	@Test
	void oneStatementInTheViewIsANote() {
		CallSite helper = new CallSite("com.example.shop.Prices", "currentRate", "Prices.java", 12);
		Statements statements = Statements.recording().enterView("orders/list").from(helper).run(PET_TYPE, 1);
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.INFO);
			assertThat(finding.message()).contains("ran once while the view `orders/list` rendered");
			assertThat(finding.suggestion()).contains("instead of querying from `Prices.currentRate`");
		});
	}

	@Test
	void aLazyLoadInTheViewIsNotAQueryInTheView() {
		Statements statements = Statements.recording().run(ORDERS).enterView("orders/list");
		statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, 1);
		statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, 2);
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void statementsOfTheHandlerAreNotInTheView() {
		Statements statements = Statements.recording()
			.from(CONTROLLER)
			.run(PET_TYPES)
			.run(PET_TYPES)
			.enterView("pets/createOrUpdatePetForm");
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void repeatsWhoseCallSiteWasNotSampledBelongToTheCallSiteOfTheirShape() {
		Statements statements = Statements.recording()
			.enterView("pets/createOrUpdatePetForm")
			.from(PARSE)
			.run(PET_TYPES)
			.run(PET_TYPES)
			.from(null)
			.run(PET_TYPES);
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(3);
			assertThat(finding.callSite()).isEqualTo(PARSE.toString());
		});
	}

	@Test
	void aFormattersRepeatsAreOneFindingNotAlsoADuplicate() {
		Statements statements = Statements.recording()
			.from(CONTROLLER)
			.run(PET_TYPES)
			.enterView("pets/createOrUpdatePetForm")
			.from(PARSE);
		for (int i = 0; i < 4; i++) {
			statements.run(PET_TYPES);
		}
		assertThat(types(analyze(statements))).containsExactly(FindingType.QUERY_IN_VIEW);
	}

	@Test
	void aFormattersLookupPerOptionWithDifferentKeysIsOneFindingNotAlsoAnNPlusOne() {
		Statements statements = Statements.recording().enterView("pets/createOrUpdatePetForm").from(PARSE);
		for (int i = 1; i <= 4; i++) {
			statements.run(PET_TYPE, i);
		}
		AnalyzedRecording analyzed = analyze(statements);
		assertThat(types(analyzed)).containsExactly(FindingType.QUERY_IN_VIEW);
		assertThat(analyzed.findings().get(0).severity()).isEqualTo(Severity.ERROR);
	}

	@Test
	void duplicatesInTheHandlerStayDuplicatesBesideAQueryInTheView() {
		Statements statements = Statements.recording()
			.from(CONTROLLER)
			.run(PET_TYPES)
			.run(PET_TYPES)
			.enterView("pets/createOrUpdatePetForm")
			.from(PARSE)
			.run(PET_TYPES);
		assertThat(types(analyze(statements))).containsExactlyInAnyOrder(FindingType.DUPLICATE_QUERY,
				FindingType.QUERY_IN_VIEW);
	}

	@Test
	void aLazyNPlusOneInTheViewIsOneLazyLoadInViewFinding() {
		Statements statements = Statements.recording().run(ORDERS).enterView("orders/list");
		for (int i = 1; i <= 4; i++) {
			statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, i);
		}
		AnalyzedRecording analyzed = analyze(statements);
		assertThat(types(analyzed)).containsExactly(FindingType.LAZY_LOAD_IN_VIEW);
		assertThat(analyzed.findings().get(0).severity()).isEqualTo(Severity.ERROR);
		// What fails or logs on N+1s still sees the one folded in.
		assertThat(analyzed.hasFinding(FindingType.N_PLUS_ONE)).isTrue();
		assertThat(new FindingFailure(List.of(FindingType.N_PLUS_ONE)).findFailure(analyzed)).isNotNull();
	}

	@Test
	void aFormattersRepeatedLookupIsNoNPlusOneForWhatFailsOnThem() {
		Statements statements = Statements.recording()
			.from(CONTROLLER)
			.run(PET_TYPES)
			.enterView("pets/createOrUpdatePetForm")
			.from(PARSE)
			.run(PET_TYPES)
			.run(PET_TYPES);
		AnalyzedRecording analyzed = analyze(statements);
		assertThat(analyzed.hasFinding(FindingType.N_PLUS_ONE)).isFalse();
		assertThat(new FindingFailure(List.of(FindingType.N_PLUS_ONE)).findFailure(analyzed)).isNull();
	}

	@Test
	void anIgnoreRuleAtTheFormattersCallSiteSilencesItsQueriesInTheViewWithoutADuplicateLeft() {
		Statements statements = Statements.recording()
			.from(CONTROLLER)
			.run(PET_TYPES)
			.enterView("pets/createOrUpdatePetForm")
			.from(PARSE)
			.run(PET_TYPES)
			.run(PET_TYPES);
		IgnoreRules rules = new IgnoreRules(
				List.of(new IgnoreRule(FindingType.QUERY_IN_VIEW, null, "*.PetTypeFormatter.parse", null)), false);
		AnalyzedRecording analyzed = RecordingAnalyzer
			.withDefaultDetectors(DetectorSettings.defaults(), AssociationResolver.none(), IdentityKeyTables.none())
			.withIgnoreRules(rules)
			.analyze(statements.finish());
		assertThat(analyzed.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.QUERY_IN_VIEW);
			assertThat(finding.ignored()).isTrue();
		});
	}

	private static AnalyzedRecording analyze(Statements statements) {
		return RecordingAnalyzer
			.withDefaultDetectors(DetectorSettings.defaults(), AssociationResolver.none(), IdentityKeyTables.none())
			.analyze(statements.finish());
	}

	private static List<FindingType> types(AnalyzedRecording analyzed) {
		return analyzed.findings().stream().map(Finding::type).toList();
	}

}
