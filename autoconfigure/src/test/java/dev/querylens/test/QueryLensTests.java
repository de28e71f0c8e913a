package dev.querylens.test;

import java.sql.Connection;
import java.util.List;

import com.example.lens.LensShop;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link QueryLens}, {@link QueryRecorder} and {@link QueryLensAssertions},
 * without Spring: each assertion passes and fails when it should, and its failure lists
 * the statements, the findings and their call sites.
 */
class QueryLensTests {

	private static final String CUSTOMER_BY_ID = "select name from customer where id = ?";

	private final LensShop shop = new LensShop("query-lens-tests");

	@Test
	void recordsTheStatementsOfABlockAsATestRecording() {
		AnalyzedRecording recording = QueryLens.record(() -> this.shop.customerNamesJoined());
		assertThat(recording.recording().getKind()).isEqualTo(Kind.TEST);
		assertThat(recording.recording().getQueryCount()).isEqualTo(1);
		assertThat(recording.recording().getUri())
			.isEqualTo("QueryLensTests.recordsTheStatementsOfABlockAsATestRecording");
		assertThat(CurrentRecording.get()).isNull();
	}

	@Test
	void aNamedBlockIsNamedInTheFailure() {
		AnalyzedRecording recording = QueryLens.record("list orders", () -> this.shop.orderIds());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertQueryCount(recording, 2))
			.withMessageStartingWith("Expected 2 queries but 1 query ran in list orders [");
	}

	@Test
	void theValueVariantReturnsWhatTheBlockReturned() {
		QueryRecorder.Recorded<List<String>> recorded = QueryLens.recordResult(() -> this.shop.customerNamesJoined());
		assertThat(recorded.value()).hasSize(LensShop.ORDERS).first().isEqualTo("customer 1");
		assertThat(recorded.recording().recording().getQueryCount()).isEqualTo(1);
	}

	@Test
	void whatTheBlockThrowsIsRethrownUnchangedAndTheThreadIsUnbound() {
		IllegalStateException failure = new IllegalStateException("boom");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> QueryLens.record(() -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(CurrentRecording.get()).isNull();
		Exception checked = new java.io.IOException("io");
		assertThatExceptionOfType(java.io.IOException.class).isThrownBy(() -> QueryLens.record(() -> {
			throw checked;
		})).isSameAs(checked);
	}

	@Test
	void aConnectionOpenedBeforeTheBlockStillRecordsTheStatementsCreatedInIt() throws Exception {
		try (Connection connection = this.shop.getDataSource().getConnection()) {
			AnalyzedRecording recording = QueryLens.record(() -> {
				try (var statement = connection.prepareStatement("select count(*) from orders");
						var rows = statement.executeQuery()) {
					rows.next();
				}
			});
			QueryLensAssertions.assertQueryCount(recording, 1);
		}
	}

	@Test
	void queryCountPassesOnTheExactCountAndFailsListingEveryStatement() {
		AnalyzedRecording recording = QueryLens.record(() -> this.shop.customerNamesOneByOne());
		assertThatNoException().isThrownBy(() -> QueryLensAssertions.assertQueryCount(recording, 1 + LensShop.ORDERS));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertQueryCount(recording, 1))
			.withMessageContaining("Expected 1 query but 5 queries ran in ")
			.withMessageContaining("0. select customer_id from orders order by id")
			.withMessageContaining("4. " + CUSTOMER_BY_ID + "  [4]")
			.withMessageContaining("at com.example.lens.LensShop.")
			.withMessageContaining("N_PLUS_ONE: 4 × `" + CUSTOMER_BY_ID + "`");
	}

	@Test
	void selectCountCountsSelectsOnly() {
		AnalyzedRecording recording = QueryLens.record(() -> {
			this.shop.orderIds();
			this.shop.addItem(100);
		});
		assertThatNoException().isThrownBy(() -> QueryLensAssertions.assertSelectCount(recording, 1));
		assertThatNoException()
			.isThrownBy(() -> QueryLensAssertions.assertQueryCount(recording, StatementType.INSERT, 1));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertSelectCount(recording, 2))
			.withMessageContaining("Expected 2 SELECT queries but found 1")
			.withMessageContaining("insert into item (id, order_id, product) values (?, 1, 'new')  [100]");
	}

	@Test
	void atMostQueriesPassesUpToTheLimitAndFailsPastIt() {
		AnalyzedRecording recording = QueryLens.record(() -> this.shop.productsOneByOne());
		assertThatNoException().isThrownBy(() -> QueryLensAssertions.assertAtMostQueries(recording, 5));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertAtMostQueries(recording, 4))
			.withMessageContaining("Expected at most 4 queries but found 5")
			.withMessageContaining("select product from item where order_id = ?");
	}

	@Test
	void noFindingsPassesWithoutAndFailsNamingTheFindingItsCallSiteAndFix() {
		AnalyzedRecording clean = QueryLens.record(() -> this.shop.customerNamesJoined());
		assertThatNoException().isThrownBy(() -> QueryLensAssertions.assertNoFindings(clean));
		assertThatNoException().isThrownBy(() -> QueryLensAssertions.assertNoFinding(clean, FindingType.N_PLUS_ONE));
		AnalyzedRecording nPlusOne = QueryLens.record(() -> this.shop.customerNamesOneByOne());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertNoFinding(nPlusOne, FindingType.N_PLUS_ONE))
			.withMessageStartingWith("Expected no [N_PLUS_ONE] findings but found 1:")
			.withMessageContaining("N_PLUS_ONE: 4 × `" + CUSTOMER_BY_ID + "` at com.example.lens.LensShop.")
			.withMessageContaining(" — ");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> QueryLensAssertions.assertNoFindings(nPlusOne))
			.withMessageStartingWith("Expected no findings but found 1:");
		assertThatNoException()
			.isThrownBy(() -> QueryLensAssertions.assertNoFinding(nPlusOne, FindingType.DUPLICATE_QUERY));
		assertThatNoException().isThrownBy(() -> QueryLensAssertions.assertFinding(nPlusOne, FindingType.N_PLUS_ONE));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertFinding(clean, FindingType.N_PLUS_ONE))
			.withMessageStartingWith("Expected a N_PLUS_ONE finding but found none");
	}

	@Test
	void aFailedStatementCountsAndIsShownWithItsError() {
		AnalyzedRecording recording = QueryLens.record(() -> {
			try {
				this.shop.failingQuery();
			}
			catch (IllegalStateException expected) {
				// The statement failed; the recording still counts it.
			}
		});
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> QueryLensAssertions.assertQueryCount(recording, 0))
			.withMessageContaining("select cast(name as int) from customer")
			.withMessageContaining("failed: ");
	}

}
