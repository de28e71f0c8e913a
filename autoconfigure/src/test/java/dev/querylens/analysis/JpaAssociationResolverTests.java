package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.querylens.analysis.shop.Order;
import dev.querylens.analysis.shop.OrderItem;
import dev.querylens.analysis.shop.Product;
import dev.querylens.analysis.shop.Shop;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JpaAssociationResolver}, on the SQL Hibernate 7 really sends to H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaAssociationResolverTests {

	private Shop shop;

	private JpaAssociationResolver resolver;

	@BeforeAll
	void startShop() {
		this.shop = new Shop("resolver");
		this.shop.seed();
		this.resolver = new JpaAssociationResolver(this.shop.getEntityManagerFactory().getMetamodel());
	}

	@AfterAll
	void closeShop() {
		this.shop.close();
	}

	@Test
	void lazyToOneLoadIsNamedAfterTheAttributeOfTheOwnerLoadedBefore() {
		List<String> sql = this.shop.statementsOf((em) -> em.createQuery("select o from Order o", Order.class)
			.getResultList()
			.forEach((order) -> order.getCustomer().getName()));
		String lazyLoad = sql.get(1);
		assertThat(lazyLoad).contains("from customer");
		assertThat(this.resolver.resolve(lazyLoad, List.of(SqlFingerprint.of(sql.get(0)))))
			.contains(new Association("Order", "customer", false, "Customer"));
	}

	@Test
	void aRowReadByItsKeyWhenNoOwnerWasReadBeforeLoadsNoAssociation() {
		List<String> sql = this.shop.statementsOf((em) -> em.createQuery("select o from Order o", Order.class)
			.getResultList()
			.forEach((order) -> order.getCustomer().getName()));
		String byKey = sql.get(1);
		// A findById of customers in a loop, or JDBC reads by key: no order was read.
		assertThat(this.resolver.resolve(byKey, List.of())).isEmpty();
		assertThat(
				this.resolver.resolve(byKey, List.of(SqlFingerprint.of("select a.id from audit_log a where a.id = 1"))))
			.isEmpty();
	}

	@Test
	void severalOwnersOfOneTargetAreChosenByTheTableReadBefore() {
		List<String> sql = this.shop.statementsOf((em) -> em.createQuery("select p from Product p", Product.class)
			.getResultList()
			.forEach((product) -> product.getSupplier().getName()));
		String lazyLoad = sql.get(1);
		assertThat(this.resolver.findCandidates(lazyLoad)).extracting(Association::name)
			.containsExactly("Order.customer", "Product.supplier");
		assertThat(this.resolver.resolve(lazyLoad, List.of(SqlFingerprint.of(sql.get(0))))).map(Association::name)
			.contains("Product.supplier");
		assertThat(this.resolver.resolve(lazyLoad)).map(Association::name).contains("Order.customer");
	}

	@Test
	void lazyCollectionLoadIsNamedAfterTheCollection() {
		List<String> sql = this.shop.statementsOf((em) -> em.createQuery("select o from Order o", Order.class)
			.getResultList()
			.forEach((order) -> order.getItems().size()));
		String lazyLoad = sql.get(1);
		assertThat(lazyLoad).contains("from order_item");
		assertThat(this.resolver.resolve(lazyLoad)).contains(new Association("Order", "items", true, "OrderItem"));
	}

	@Test
	void entityInARenamedTableIsFoundByItsTableName() {
		List<String> sql = this.shop.statementsOf((em) -> em.createQuery("select i from OrderItem i", OrderItem.class)
			.getResultList()
			.forEach((item) -> item.getOrder().getCustomer()));
		assertThat(sql).anySatisfy((statement) -> assertThat(statement).contains("from orders"));
		String lazyLoad = sql.stream().filter((statement) -> statement.contains("from orders")).findFirst().get();
		assertThat(this.resolver.resolve(lazyLoad)).map(Association::name).contains("OrderItem.order");
	}

	@Test
	void unknownTableIsNotNamed() {
		assertThat(this.resolver.resolve("select a1_0.id from audit_log a1_0 where a1_0.id=?")).isEmpty();
	}

	@Test
	void statementsThatAreNotSelectsAreNotNamed() {
		assertThat(this.resolver.resolve("update customer set name=? where id=?")).isEmpty();
		assertThat(this.resolver.resolve(null)).isEmpty();
		assertThat(this.resolver.resolve("select")).isEmpty();
	}

	@Test
	void physicalNamesFollowSpringBootsNamingStrategy() {
		assertThat(JpaAssociationResolver.snakeCase("OrderItem")).isEqualTo("order_item");
		assertThat(JpaAssociationResolver.names("OrderItem")).containsExactly("order_item", "orderitem");
	}

}
