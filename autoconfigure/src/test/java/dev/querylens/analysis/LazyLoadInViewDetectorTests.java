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
	void lazyLoadsWhileTheViewRendersNameTheAssociationTheTemplateAndOpenInView() {
		Statements statements = Statements.recording().run(ORDERS).enterView("orders/list");
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "customer", false, "Order", "customer",
					"OrderRepository.findAllByOrderByIdAsc", 0, CUSTOMER, i);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.LAZY_LOAD_IN_VIEW);
			assertThat(finding.association()).isEqualTo("Order.customer");
			assertThat(finding.count()).isEqualTo(3);
			assertThat(finding.queryIndexes()).containsExactly(1, 2, 3);
			assertThat(finding.message()).contains("3 statements ran while the view `orders/list` rendered")
				.contains("3 lazy loads of `Order.customer`");
			assertThat(finding.suggestion()).contains("spring.jpa.open-in-view=false")
				.contains("`@EntityGraph(attributePaths = \"customer\")` on `OrderRepository.findAllByOrderByIdAsc`");
		});
	}

	@Test
	void aRecordingWithNothingInTheViewHasNoFinding() {
		assertThat(this.detector.detect(Statements.recording().run(ORDERS).run(CUSTOMER, 1).groups())).isEmpty();
	}

	@Test
	void statementsInTheViewThatNoLazyLoadRanAreReportedWithoutAnAssociation() {
		Statements statements = Statements.recording().enterView(null).run(CUSTOMER, 1);
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.association()).isNull();
			assertThat(finding.message()).startsWith("1 statement ran while the view rendered")
				.doesNotContain("lazy load of");
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

}
