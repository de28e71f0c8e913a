package dev.querylens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LazyLoadInViewDetector}.
 */
class LazyLoadInViewDetectorTests {

	private static final String ORDERS = "select o1_0.id,o1_0.customer_id from orders o1_0";

	private static final String CUSTOMER = "select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?";

	private final LazyLoadInViewDetector detector = new LazyLoadInViewDetector();

	@Test
	void lazyLoadsWhileTheViewRendersNameTheAssociationTheTemplateAndTheDefaultOpenInView() {
		assertThat(new LazyLoadInViewDetector(OpenInView.ON_BY_DEFAULT).detect(threeCustomersInTheView().groups()))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.type()).isEqualTo(FindingType.LAZY_LOAD_IN_VIEW);
				assertThat(finding.association()).isEqualTo("Order.customer");
				assertThat(finding.count()).isEqualTo(3);
				assertThat(finding.queryIndexes()).containsExactly(1, 2, 3);
				assertThat(finding.message())
					.startsWith("3 lazy loads of `Order.customer` ran while the view `orders/list` rendered")
					.contains("`spring.jpa.open-in-view` is not set and defaults to true");
				assertThat(finding.suggestion()).contains("set `spring.jpa.open-in-view=false`")
					.contains(
							"`@EntityGraph(attributePaths = \"customer\")` on `OrderRepository.findAllByOrderByIdAsc`");
			});
	}

	@Test
	void withOpenInViewSetToTrueTheFindingNamesTheSettingAsConfigured() {
		assertThat(new LazyLoadInViewDetector(OpenInView.ON).detect(threeCustomersInTheView().groups())).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.message()).contains("open session in view (`spring.jpa.open-in-view=true`)")
					.doesNotContain("defaults to true");
				assertThat(finding.suggestion()).contains("then set `spring.jpa.open-in-view=false`");
			});
	}

	@Test
	void withOpenInViewOffTheFindingSaysTheViewOpenedASessionAndDoesNotAskToTurnItOff() {
		assertThat(new LazyLoadInViewDetector(OpenInView.OFF).detect(threeCustomersInTheView().groups()))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.message()).contains("although `spring.jpa.open-in-view` is false")
					.contains("the view opened a session of its own")
					.doesNotContain("open session in view (");
				assertThat(finding.suggestion()).contains("Open-in-view is already off")
					.doesNotContain("set `spring.jpa.open-in-view=false`");
			});
	}

	@Test
	void aRecordingWithNothingInTheViewHasNoFinding() {
		assertThat(this.detector.detect(Statements.recording().run(ORDERS).run(CUSTOMER, 1).groups())).isEmpty();
	}

	@Test
	void statementsInTheViewThatNoLazyLoadRanAreNotLazyLoads() {
		Statements statements = Statements.recording().enterView("pets/form").run(CUSTOMER, 1).run(CUSTOMER, 2);
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void lazyLoadsInTheHandlerAreNotInTheView() {
		Statements statements = Statements.recording().run(ORDERS);
		statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, 1);
		assertThat(this.detector.detect(statements.enterView("orders/list").groups())).isEmpty();
	}

	@Test
	void onlyTheLazyLoadsOfAViewThatAlsoRanOtherStatementsAreCounted() {
		Statements statements = Statements.recording().run(ORDERS).enterView("orders/list").run(ORDERS);
		statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, 1);
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(1);
			assertThat(finding.queryIndexes()).containsExactly(2);
			assertThat(finding.message()).startsWith("1 lazy load of `Order.customer` ran");
		});
	}

	@Test
	void lazyLoadsOfSeveralAssociationsInTheViewNameNoSingleAssociation() {
		Statements statements = Statements.recording().run(ORDERS).enterView("orders/list");
		statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, 1);
		statements.lazyLoad("Order", "items", true, "Order", "items", null, 0,
				"select i1_0.id from order_item i1_0 where i1_0.order_id=?", 1);
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.association()).isNull();
			assertThat(finding.message()).contains("`Order.customer`, `Order.items`");
		});
	}

	private static Statements threeCustomersInTheView() {
		Statements statements = Statements.recording().run(ORDERS).enterView("orders/list");
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "customer", false, "Order", "customer",
					"OrderRepository.findAllByOrderByIdAsc", 0, CUSTOMER, i);
		}
		return statements;
	}

}
