package dev.querylens.hibernate;

import java.util.List;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.shop.Customer;
import dev.querylens.analysis.shop.Order;
import dev.querylens.analysis.shop.Product;
import dev.querylens.analysis.shop.Shop;
import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LazyLoadRecorder} on a plain Hibernate session factory (two customers,
 * each with three orders and one product it supplies), where statements are not recorded:
 * the tests check which association each lazy load is attributed to.
 */
class LazyLoadRecorderTests {

	private static Shop shop;

	private static LazyLoadRecorder recorder;

	@BeforeAll
	static void startShop() {
		shop = new Shop("lazy-load-recorder");
		recorder = new LazyLoadRecorder(new CallSiteResolver(CallSiteMode.FULL, List.of()));
		recorder.register(shop.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class));
		shop.seed();
	}

	@AfterAll
	static void closeShop() {
		shop.close();
	}

	@Test
	void aProxyReachedThroughOneAssociationIsAttributedToIt() {
		Recording recording = record(() -> shop.inTransaction((em) -> {
			for (Order order : em.createQuery("select o from Order o order by o.id", Order.class).getResultList()) {
				order.getCustomer().getName();
			}
		}));
		assertThat(EntityLoads.of(recording).lazyLoads()).hasSize(2).allSatisfy((load) -> {
			assertThat(load.role()).isEqualTo("Order.customer");
			assertThat(load.collection()).isFalse();
			assertThat(load.path()).isEqualTo("customer");
			assertThat(load.rootEntity()).isEqualTo("Order");
			// Not loaded through a Spring Data repository.
			assertThat(load.loader()).isNull();
		});
	}

	@Test
	void aCollectionAndTheProxiesOfItsElementsFormANestedPath() {
		Recording recording = record(() -> shop.inTransaction((em) -> {
			for (Order order : em.createQuery("select o from Order o order by o.id", Order.class).getResultList()) {
				order.getItems().forEach((item) -> item.getProduct().getTitle());
			}
		}));
		assertThat(EntityLoads.of(recording).lazyLoads()).filteredOn(LazyLoad::collection)
			.hasSize(6)
			.allSatisfy((load) -> assertThat(load.path()).isEqualTo("items"));
		assertThat(EntityLoads.of(recording).lazyLoads()).filteredOn((load) -> !load.collection())
			.isNotEmpty()
			.allSatisfy((load) -> {
				assertThat(load.role()).isEqualTo("OrderItem.product");
				assertThat(load.path()).isEqualTo("items.product");
				assertThat(load.rootEntity()).isEqualTo("Order");
			});
	}

	@Test
	void aProxyHeldByTwoDifferentAssociationsIsNotAttributed() {
		Recording recording = record(() -> shop.inTransaction((em) -> {
			List<Order> orders = em.createQuery("select o from Order o order by o.id", Order.class).getResultList();
			List<Product> products = em.createQuery("select p from Product p order by p.id", Product.class)
				.getResultList();
			// The same customers are both orders' customers and products' suppliers.
			products.forEach((product) -> product.getSupplier().getName());
			assertThat(orders).isNotEmpty();
		}));
		assertThat(EntityLoads.of(recording).lazyLoads()).isEmpty();
	}

	@Test
	void withNoRecordingNothingIsKept() {
		shop.inTransaction((em) -> em.createQuery("select o from Order o", Order.class)
			.getResultList()
			.forEach((order) -> order.getCustomer().getName()));
		Recording recording = record(() -> {
		});
		assertThat(EntityLoads.of(recording).lazyLoads()).isEmpty();
		assertThat(Customer.class).isNotNull();
	}

	private static Recording record(Runnable work) {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 1000);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			work.run();
		}
		Recording recording = started.finish(0, null);
		return recording;
	}

}
