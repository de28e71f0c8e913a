package dev.querylens.demo.shop;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import dev.querylens.analysis.FindingType;
import dev.querylens.it.TestDatabase;
import dev.querylens.test.FailOnFindings;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@link FailOnFindings} on a {@code @DataJpaTest}: the fixture below, run with JUnit's
 * test kit (Surefire skips nested classes; this class is no Spring test, so that the
 * fixture's transactions are its own), fails its slow test naming the N+1's JPA
 * association and passes its fast one.
 */
@TestDatabase("h2")
class FailOnFindingsDataJpaTests {

	private static final String CUSTOMER_BY_ID = "select c1_0.id,c1_0.city,c1_0.name from customer c1_0 where c1_0.id=?";

	@Test
	void failOnFindingsFailsTheSlowWayNamingTheAssociation() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(FailOnFindingsFixture.class))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1, event(test("fast"), finishedSuccessfully()))
			.haveExactly(1, event(test("slow"),
					finishedWithFailure(message((text) -> text.startsWith("@FailOnFindings: found 1 forbidden finding:")
							&& text.contains("N_PLUS_ONE: " + OrderRepositoryQueryLensTests.ORDERS + " × `"
									+ CUSTOMER_BY_ID + "` (Order.customer)")
							&& text.contains(
									"at dev.querylens.demo.shop.FailOnFindingsDataJpaTests$FailOnFindingsFixture.")))));
	}

	@DataJpaTest
	@FailOnFindings(FindingType.N_PLUS_ONE)
	static class FailOnFindingsFixture {

		@Autowired
		private OrderRepository orders;

		@Autowired
		private EntityManager entityManager;

		@BeforeEach
		void seed() {
			OrderRepositoryQueryLensTests.seed(this.entityManager);
		}

		@Test
		void slow() {
			this.orders.findAllByOrderByIdAsc().forEach((order) -> order.getCustomer().getName());
		}

		@Test
		void fast() {
			this.orders.findAllWithCustomer().forEach((order) -> order.getCustomer().getName());
		}

	}

}
