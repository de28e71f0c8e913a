package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the exact attribution of {@link NPlusOneDetector} from the lazy loads
 * Hibernate reported, and the fix {@link FetchAdvice} gives for each case.
 */
class NPlusOneAttributionTests {

	private static final String ORDERS = "select o1_0.id,o1_0.customer_id from orders o1_0 order by o1_0.id";

	private static final String PAGED_ORDERS = "select o1_0.id,o1_0.customer_id from orders o1_0 order by o1_0.id "
			+ "offset ? rows fetch first ? rows only";

	private static final String CUSTOMER = "select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?";

	private static final String ITEMS = "select i1_0.order_id,i1_0.id from order_item i1_0 where i1_0.order_id=?";

	private static final String PAYMENTS = "select p1_0.order_id,p1_0.id from payment p1_0 where p1_0.order_id=?";

	private static final String PRODUCT = "select p1_0.id,p1_0.title from product p1_0 where p1_0.id=?";

	private static final String LOADER = "OrderRepository.findAllByOrderByIdAsc";

	// A resolver that would name the wrong association, to show that Hibernate's word
	// wins.
	private final NPlusOneDetector detector = new NPlusOneDetector(3,
			(sql) -> java.util.Optional.of(new Association("Product", "supplier", false, "Customer")));

	@Test
	void aLazyToOneIsNamedFromHibernateAndTheFixNamesTheRepositoryMethod() {
		Statements statements = Statements.recording().run(ORDERS);
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "customer", false, "Order", "customer", LOADER, 0, CUSTOMER, i);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.association()).isEqualTo("Order.customer");
			assertThat(finding.count()).isEqualTo(3);
			assertThat(finding.message())
				.startsWith("`Order.customer` (a lazy to-one) was loaded 3 times, once per `Order`")
				.contains("The `Order`s came from `" + LOADER + "`.");
			assertThat(finding.suggestion()).isEqualTo("Add `@EntityGraph(attributePaths = \"customer\")` on `" + LOADER
					+ "`, or "
					+ "`join fetch o.customer` in its JPQL, so the `Order`s' `customer` is read in the same query.");
		});
	}

	@Test
	void withoutTheRepositoryMethodTheFixPointsAtTheParentQuerysCallSite() {
		Statements statements = Statements.recording().run(ORDERS);
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "customer", false, "Order", "customer", null, 0, CUSTOMER, i);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion()).contains(
					"on the repository method that loads the `Order`s (the query at `" + Statements.SERVICE + "`)"));
	}

	@Test
	void theOnlyLazyCollectionOfAnUnpagedQueryIsFetchedWithTheQuery() {
		Statements statements = Statements.recording().run(ORDERS);
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "items", true, "Order", "items", LOADER, 0, ITEMS, i);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.message()).contains("(a lazy collection)");
			assertThat(finding.suggestion()).startsWith("Add `@EntityGraph(attributePaths = \"items\")` on `" + LOADER)
				.contains("`@BatchSize(size = 16)` on `Order.items`")
				.contains("16 covers the 3 `Order`s loaded, rounded up to a standard size");
		});
	}

	@Test
	void aLazyCollectionOfAPagedQueryIsBatchFetchedWithTheHibernateWarning() {
		Statements statements = Statements.recording().run(PAGED_ORDERS, 0, 20);
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "items", true, "Order", "items", LOADER, 0, ITEMS, i);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion()).startsWith("Add `@BatchSize(size = 16)`")
				.contains("HHH90003004")
				.doesNotContain("attributePaths"));
	}

	@Test
	void twoLazyCollectionsOfTheSameParentsAreBatchFetchedNotJoined() {
		Statements statements = Statements.recording().run(ORDERS);
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "items", true, "Order", "items", LOADER, 0, ITEMS, i);
			statements.lazyLoad("Order", "payments", true, "Order", "payments", LOADER, 0, PAYMENTS, i);
		}
		List<Finding> findings = this.detector.detect(statements.groups());
		assertThat(findings).extracting(Finding::association)
			.containsExactlyInAnyOrder("Order.items", "Order.payments");
		assertThat(findings).allSatisfy((finding) -> assertThat(finding.suggestion()).contains("@BatchSize")
			.contains("\"items\", \"payments\"")
			.contains("MultipleBagFetchException")
			.doesNotContain("attributePaths"));
	}

	@Test
	void aNestedNPlusOneGivesBothLevelsOneFixCoveringBoth() {
		Statements statements = Statements.recording().run(ORDERS);
		int product = 1;
		for (int i = 1; i <= 3; i++) {
			statements.lazyLoad("Order", "items", true, "Order", "items", LOADER, 0, ITEMS, i);
			for (int k = 0; k < 2; k++) {
				statements.lazyLoad("OrderItem", "product", false, "Order", "items.product", LOADER, 0, PRODUCT,
						product++);
			}
		}
		List<Finding> findings = this.detector.detect(statements.groups());
		assertThat(findings).extracting(Finding::association)
			.containsExactlyInAnyOrder("Order.items", "OrderItem.product");
		assertThat(findings).extracting(Finding::suggestion)
			.allSatisfy((suggestion) -> assertThat(suggestion)
				.contains("`@EntityGraph(attributePaths = {\"items\", \"items.product\"})` on `" + LOADER + "`")
				.contains("`join fetch o.items i join fetch i.product`")
				.contains("default_batch_fetch_size=16"));
		assertThat(findings).filteredOn((finding) -> finding.association().equals("OrderItem.product"))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("(path `items.product` from the `Order`s)"));
	}

	@Test
	void statementsOfOneShapeRunByLazyLoadsOfTwoAssociationsFallBackToTheResolver() {
		Statements statements = Statements.recording().run(ORDERS);
		statements.lazyLoad("Order", "customer", false, "Order", "customer", LOADER, 0, CUSTOMER, 1);
		statements.lazyLoad("Product", "supplier", false, "Product", "supplier", null, -1, CUSTOMER, 2);
		statements.lazyLoad("Order", "customer", false, "Order", "customer", LOADER, 0, CUSTOMER, 3);
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.association()).isEqualTo("Product.supplier");
			assertThat(finding.message()).doesNotContain("(a lazy to-one)");
		});
	}

	@Test
	void statementsNotRunByAnyLazyLoadFallBackToTheResolver() {
		Statements statements = Statements.recording().run(ORDERS).repeat(3, CUSTOMER);
		statements.lazyLoadWithoutStatement("Order", "customer", false);
		assertThat(this.detector.detect(statements.groups())).singleElement()
			.satisfies((finding) -> assertThat(finding.association()).isEqualTo("Product.supplier"));
	}

	@Test
	void lazyLoadsAnsweredWithoutSqlAreNoNPlusOne() {
		Statements statements = Statements.recording().run(ORDERS);
		for (int i = 0; i < 10; i++) {
			statements.lazyLoadWithoutStatement("Order", "customer", false);
		}
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void batchSizesAreRoundedUpToAStandardSizeThatCoversTheParents() {
		assertThat(FetchAdvice.standardBatchSize(1)).isEqualTo(16);
		assertThat(FetchAdvice.standardBatchSize(16)).isEqualTo(16);
		assertThat(FetchAdvice.standardBatchSize(17)).isEqualTo(32);
		assertThat(FetchAdvice.standardBatchSize(50)).isEqualTo(64);
		assertThat(FetchAdvice.standardBatchSize(100)).isEqualTo(128);
		assertThat(FetchAdvice.standardBatchSize(5000)).isEqualTo(128);
	}

	@Test
	void anEagerCollectionIsNamedEagerAndItsMappingIsTheFix() {
		Statements statements = Statements.recording().run(ORDERS);
		for (int i = 1; i <= 3; i++) {
			statements.eagerLoad("Order", "items", "Order", "items", LOADER, 0, ITEMS, i);
		}
		assertThat(this.detector.detect(statements.groups())).singleElement().satisfies((finding) -> {
			assertThat(finding.message()).contains("(an EAGER collection, which Hibernate loads by a secondary select)")
				.doesNotContain("lazy");
			assertThat(finding.suggestion()).startsWith("`FetchType.EAGER` on `Order.items` is the cost")
				.contains("`FetchType.LAZY`");
		});
	}

}
