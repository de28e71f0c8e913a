package dev.querylens.test;

import java.util.List;

import com.example.ignoring.AcceptedLoops;
import com.example.lens.LensShop;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingFailure;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;

import static dev.querylens.test.RecordingAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link RecordingAssert}: the AssertJ form of the same checks, with the same
 * messages.
 */
class RecordingAssertTests {

	private final LensShop shop = new LensShop("recording-assert-tests");

	@Test
	void passingChecksChain() {
		AnalyzedRecording recording = QueryLens.record(() -> {
			this.shop.customerNamesJoined();
			this.shop.addItem(200);
		});
		assertThat(recording).hasQueryCount(2)
			.hasSelectCount(1)
			.hasInsertCount(1)
			.hasUpdateCount(0)
			.hasDeleteCount(0)
			.hasQueryCount(StatementType.OTHER, 0)
			.hasAtMostQueries(2)
			.hasNoFindings()
			.hasNoFinding(FindingType.N_PLUS_ONE);
	}

	@Test
	void eachCheckFailsWithTheStatementsAndFindings() {
		AnalyzedRecording recording = QueryLens.record(() -> this.shop.ordersPerCustomerOneByOne());
		String statement = "select id from orders where customer_id = ?";
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(recording).hasQueryCount(1))
			.withMessageContaining("Expected 1 query but 5 queries ran in ")
			.withMessageContaining(statement + "  [1]")
			.withMessageContaining("N_PLUS_ONE: 4 × `" + statement + "`");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(recording).hasSelectCount(1))
			.withMessageContaining("Expected 1 SELECT query but found 5");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(recording).hasAtMostQueries(3))
			.withMessageContaining("Expected at most 3 queries but found 5");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(recording).hasNoFindings())
			.withMessageContaining("Expected no findings but found 1:");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(recording).hasNoFinding(FindingType.N_PLUS_ONE))
			.withMessageContaining("at com.example.lens.LensShop.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(recording).hasFinding(FindingType.DUPLICATE_QUERY))
			.withMessageContaining("Expected a DUPLICATE_QUERY finding but found none");
	}

	@Test
	void aPercentSignInTheSqlDoesNotBreakTheMessage() {
		AnalyzedRecording recording = QueryLens.record(() -> this.shop.orderIds());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(recording).as("orders like '%%'").hasQueryCount(3))
			.withMessageContaining("Expected 3 queries but 1 query ran");
	}

	@Test
	void anIgnoredFindingFailsNoCheck() throws Exception {
		AcceptedLoops loops = new AcceptedLoops(this.shop.getDataSource());
		AnalyzedRecording recording = QueryLens.record(() -> loops.ordersPerCustomer());
		assertThat(recording).hasQueryCount(1 + LensShop.ORDERS).hasNoFindings().hasNoFinding(FindingType.N_PLUS_ONE);
		Assertions.assertThat(recording.findings())
			.extracting(Finding::type, Finding::ignored)
			.containsExactly(tuple(FindingType.N_PLUS_ONE, true));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(recording).hasFinding(FindingType.N_PLUS_ONE))
			.withMessageContaining("Expected a N_PLUS_ONE finding but found none");
		Assertions.assertThat(new FindingFailure(List.of(FindingType.N_PLUS_ONE)).findFailure(recording)).isNull();
	}

}
