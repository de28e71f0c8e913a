package dev.querylens.demo.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;
import dev.querylens.it.TestDatabase;
import dev.querylens.test.ExpectQueries;
import dev.querylens.test.QueryLensTest;
import dev.querylens.test.QueryRecorder;

import static dev.querylens.test.RecordingAssert.assertThat;

/**
 * QueryLens's JUnit extension in a {@code @DataJpaTest}: the repository's fetch
 * strategies, counted per test method, with the application's analyzer (so findings name
 * the JPA association).
 */
@DataJpaTest
@QueryLensTest
@TestDatabase("h2")
class OrderRepositoryQueryLensTests {

	static final int ORDERS = 6;

	@Autowired
	private OrderRepository orders;

	@Autowired
	private EntityManager entityManager;

	@BeforeEach
	void seed() {
		seed(this.entityManager);
	}

	@Test
	@ExpectQueries(exactly = 1, type = StatementType.SELECT)
	@ExpectQueries(max = 1)
	void joinFetchLoadsOrdersWithTheirCustomersInOneSelect() {
		assertThatNamesAreLoaded(this.orders.findAllWithCustomer());
	}

	@Test
	@ExpectQueries(exactly = 1)
	void theEntityGraphLoadsOrdersWithTheirItemsInOneSelect() {
		this.orders.findAllWithItems().forEach((order) -> order.getItems().size());
	}

	@Test
	void readingLazyCustomersInALoopIsAnNPlusOneOnOrderCustomer(QueryRecorder queries) {
		AnalyzedRecording recording = queries
			.record(() -> assertThatNamesAreLoaded(this.orders.findAllByOrderByIdAsc()));
		assertThat(recording).hasQueryCount(1 + ORDERS).hasSelectCount(1 + ORDERS).hasFinding(FindingType.N_PLUS_ONE);
		org.assertj.core.api.Assertions.assertThat(recording.findings().get(0).association())
			.isEqualTo("Order.customer");
	}

	static void seed(EntityManager entityManager) {
		Product product = new Product(1L, "Product 1", BigDecimal.TEN);
		entityManager.persist(product);
		for (long i = 1; i <= ORDERS; i++) {
			Customer customer = new Customer(i, "Customer " + i, "Lyon");
			entityManager.persist(customer);
			Order order = new Order(i, customer, LocalDate.of(2026, 1, (int) i));
			entityManager.persist(order);
			entityManager.persist(new OrderItem(i, order, product, 1, BigDecimal.TEN));
		}
		// Written and forgotten before the test method runs, so that it loads (and
		// counts) from the database.
		entityManager.flush();
		entityManager.clear();
	}

	private static void assertThatNamesAreLoaded(List<Order> orders) {
		org.assertj.core.api.Assertions.assertThat(orders)
			.hasSize(ORDERS)
			.allSatisfy((order) -> org.assertj.core.api.Assertions.assertThat(order.getCustomer().getName())
				.startsWith("Customer "));
	}

}
