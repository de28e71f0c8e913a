package dev.querylens.demo.shop;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;
import dev.querylens.it.TestDatabase;
import dev.querylens.test.ExpectQueries;
import dev.querylens.test.FailOnFindings;
import dev.querylens.test.QueryLens;
import dev.querylens.test.QueryLensAssertions;
import dev.querylens.test.QueryLensTest;
import dev.querylens.test.QueryRecorder;

import static dev.querylens.test.RecordingAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryLens in a {@code @SpringBootTest} of the demo's service (seeded with 50 orders of
 * 10 customers): each way of loading the order pages' data, with its statement count
 * pinned.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:shop-service-tests;DB_CLOSE_DELAY=-1")
@QueryLensTest
@TestDatabase("h2")
class OrderServiceQueryLensTests {

	@Autowired
	private OrderService service;

	@Test
	@ExpectQueries(exactly = 1, type = StatementType.SELECT)
	@FailOnFindings
	void customersWithJoinFetchTakeOneSelect() {
		assertThat(this.service.listWithCustomersFast()).hasSize(50);
	}

	@Test
	@ExpectQueries(exactly = 11)
	void customersReadLazilyTakeOneSelectPerCustomer() {
		assertThat(this.service.listWithCustomersSlow()).hasSize(50);
	}

	@Test
	@ExpectQueries(max = 1)
	void itemsWithAnEntityGraphTakeOneSelect() {
		assertThat(this.service.listWithItemsFast()).hasSize(50);
	}

	@Test
	void theRecorderParameterUsesTheApplicationsAnalyzer(QueryRecorder queries) {
		AnalyzedRecording slow = queries.record(() -> this.service.listWithItemsSlow());
		assertThat(slow).hasQueryCount(51).hasFinding(FindingType.N_PLUS_ONE);
		assertThat(slow.findings().get(0).association()).isEqualTo("Order.items");
	}

	@Test
	void thePlainApiWorksInASpringTestToo() {
		AnalyzedRecording fast = QueryLens.record(() -> this.service.listWithCustomersFast());
		QueryLensAssertions.assertQueryCount(fast, 1);
		QueryLensAssertions.assertNoFindings(fast);
	}

}
