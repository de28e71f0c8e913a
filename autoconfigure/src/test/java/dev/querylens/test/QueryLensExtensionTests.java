package dev.querylens.test;

import java.nio.file.Files;
import java.nio.file.Path;

import com.example.ignoring.AcceptedLoops;
import com.example.lens.LensShop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Tests for {@link QueryLensExtension}, {@link ExpectQueries} and {@link FailOnFindings}
 * without Spring: the fixture classes below are run with JUnit's test kit (Surefire skips
 * nested classes), and each expectation must pass and fail when it should.
 */
class QueryLensExtensionTests {

	@Test
	void expectQueriesPassesAndFailsAsItShould() {
		Events events = run(ExpectQueriesFixture.class);
		events.assertThatEvents()
			.haveExactly(1, event(test("atMostThreeWithOne"), finishedSuccessfully()))
			.haveExactly(1, event(test("exactlyOneSelectBesideAnInsert"), finishedSuccessfully()))
			.haveExactly(1, event(test("repeatedPerType"), finishedSuccessfully()))
			.haveExactly(1, event(test("onlyTheTestMethodIsRecorded"), finishedSuccessfully()))
			.haveExactly(1, event(test("atMostOneWithFive"), finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.startsWith("@ExpectQueries: expected at most 1 query but found 5")
							&& text.contains("select name from customer where id = ?  [4]")
							&& text.contains("at com.example.lens.LensShop.") && text.contains("N_PLUS_ONE: 4 × ")))))
			.haveExactly(1,
					event(test("exactlyTwoSelectsWithOne"),
							finishedWithFailure(message((text) -> text
								.startsWith("@ExpectQueries: expected exactly 2 SELECT queries but found 1")))))
			.haveExactly(1,
					event(test("atLeastOneWithNone"), finishedWithFailure(message(
							(text) -> text.startsWith("@ExpectQueries: expected at least 1 query but found 0")))))
			.haveExactly(1, event(test("aFailingTestKeepsItsOwnFailure"),
					finishedWithFailure(instanceOf(IllegalStateException.class), message("the test's own failure"))));
	}

	@Test
	void expectQueriesOnTheClassAppliesToMethodsWithoutTheirOwn() {
		run(ClassExpectationFixture.class).assertThatEvents()
			.haveExactly(1, event(test("oneQuery"), finishedSuccessfully()))
			.haveExactly(1,
					event(test("nPlusOne"), finishedWithFailure(message(
							(text) -> text.startsWith("@ExpectQueries: expected at most 2 queries but found 5")))))
			.haveExactly(1, event(test("ownExpectationWins"), finishedSuccessfully()));
	}

	@Test
	void failOnFindingsFailsATestWithAnNPlusOneNamingIt() {
		run(FailOnFindingsFixture.class).assertThatEvents()
			.haveExactly(1, event(test("joined"), finishedSuccessfully()))
			.haveExactly(1, event(test("ignoredNPlusOne"), finishedSuccessfully()))
			.haveExactly(1, event(test("nPlusOne"), finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.startsWith("@FailOnFindings: found 1 forbidden finding:") && text.contains(
							"N_PLUS_ONE: 4 × `select name from customer where id = ?` at com.example.lens.LensShop.")))))
			.haveExactly(1, event(test("nPlusOneInANestedClass"), finishedWithFailure(message(
					(text) -> text.contains("N_PLUS_ONE: 4 × `select product from item where order_id = ?`")))));
	}

	@Test
	void aTestMethodCanRecordBlocksOfItsOwn() {
		run(RecorderParameterFixture.class).assertThatEvents()
			.haveExactly(1, event(test("recordsABlock"), finishedSuccessfully()));
	}

	@Test
	void theBaselineFailsOnlyNewFindingsAndReportsFixedOnes() throws Exception {
		Path file = BaselineFixture.FILE;
		Files.deleteIfExists(file);
		try {
			// 1. Write the baseline: the two known N+1s are recorded and nothing fails.
			EngineTestKit.engine("junit-jupiter")
				.configurationParameter(QueryLensExtension.BASELINE_MODE_PROPERTY, "write")
				.selectors(selectClass(BaselineFixture.class))
				.execute()
				.testEvents()
				.assertStatistics((stats) -> stats.succeeded(3).failed(0));
			Baseline written = Baseline.read(file);
			assertThat(written.getEntries()).extracting(BaselineEntry::fingerprint)
				.containsExactlyInAnyOrder("select name from customer where id = ?",
						"select product from item where order_id = ?");
			assertThat(written.getEntries()).allSatisfy((entry) -> {
				assertThat(entry.test()).isEqualTo(BaselineFixture.class.getName());
				assertThat(entry.type()).isEqualTo("N_PLUS_ONE");
				assertThat(entry.callSite()).startsWith("com.example.lens.LensShop.").doesNotContainPattern(":\\d+\\)");
			});

			// 2. One new N+1: only the test with it fails, and its message names only the
			// new one.
			System.setProperty(BaselineFixture.REGRESSED, "true");
			run(BaselineFixture.class).assertThatEvents()
				.haveExactly(1, event(test("customers"), finishedSuccessfully()))
				.haveExactly(1, event(test("products"), finishedSuccessfully()))
				.haveExactly(1, event(test("ordersOfCustomers"), finishedWithFailure(message(
						(text) -> text.startsWith("@FailOnFindings: found 1 new finding not in baseline " + file)
								&& text.contains("select id from orders where customer_id = ?")
								&& !text.contains("`select name from customer where id = ?`")
								&& !text.contains("`select product from item where order_id = ?`")))));
			System.clearProperty(BaselineFixture.REGRESSED);

			// 3. One known N+1 fixed: nothing fails, and the run reports it as gone.
			System.setProperty(BaselineFixture.FIXED, "true");
			Events fixed = run(BaselineFixture.class);
			fixed.assertStatistics((stats) -> stats.failed(0));
			assertThat(EngineTestKit.engine("junit-jupiter")
				.selectors(selectClass(BaselineFixture.class))
				.execute()
				.allEvents()
				.reportingEntryPublished()
				.stream()
				.map((event) -> event.getRequiredPayload(ReportEntry.class))
				.map((entry) -> entry.getKeyValuePairs().get("querylens.baseline.gone"))
				.toList())
				.singleElement()
				.satisfies((text) -> assertThat(text)
					.contains("1 known finding of " + BaselineFixture.class.getName() + " no longer found")
					.contains("N_PLUS_ONE `select product from item where order_id = ?`")
					.doesNotContain("select name from customer"));
		}
		finally {
			System.clearProperty(BaselineFixture.REGRESSED);
			System.clearProperty(BaselineFixture.FIXED);
			Files.deleteIfExists(file);
		}
	}

	private static Events run(Class<?> fixture) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
	}

	@QueryLensTest
	static class ExpectQueriesFixture {

		private final LensShop shop = new LensShop("extension-expect");

		@BeforeEach
		void setUp() {
			this.shop.customerNamesOneByOne();
		}

		@Test
		@ExpectQueries(max = 3)
		void atMostThreeWithOne() {
			this.shop.orderIds();
		}

		@Test
		@ExpectQueries(max = 1)
		void atMostOneWithFive() {
			this.shop.customerNamesOneByOne();
		}

		@Test
		@ExpectQueries(exactly = 1, type = StatementType.SELECT)
		void exactlyOneSelectBesideAnInsert() {
			this.shop.orderIds();
			this.shop.addItem(300);
		}

		@Test
		@ExpectQueries(exactly = 2, type = StatementType.SELECT)
		void exactlyTwoSelectsWithOne() {
			this.shop.orderIds();
		}

		@Test
		@ExpectQueries(exactly = 1, type = StatementType.SELECT)
		@ExpectQueries(exactly = 1, type = StatementType.INSERT)
		@ExpectQueries(max = 0, type = { StatementType.UPDATE, StatementType.DELETE })
		void repeatedPerType() {
			this.shop.orderIds();
			this.shop.addItem(301);
		}

		@Test
		@ExpectQueries(min = 1)
		void atLeastOneWithNone() {
		}

		@Test
		@ExpectQueries(exactly = 0)
		void onlyTheTestMethodIsRecorded() {
			// setUp ran five statements; none of them count.
		}

		@Test
		@ExpectQueries(exactly = 0)
		void aFailingTestKeepsItsOwnFailure() {
			this.shop.orderIds();
			throw new IllegalStateException("the test's own failure");
		}

	}

	@ExpectQueries(max = 2)
	static class ClassExpectationFixture {

		private final LensShop shop = new LensShop("extension-class");

		@Test
		void oneQuery() {
			this.shop.orderIds();
		}

		@Test
		void nPlusOne() {
			this.shop.customerNamesOneByOne();
		}

		@Test
		@ExpectQueries(max = 5)
		void ownExpectationWins() {
			this.shop.customerNamesOneByOne();
		}

	}

	@FailOnFindings(FindingType.N_PLUS_ONE)
	static class FailOnFindingsFixture {

		private final LensShop shop = new LensShop("extension-fail");

		@Test
		void joined() {
			this.shop.customerNamesJoined();
		}

		@Test
		void nPlusOne() {
			this.shop.customerNamesOneByOne();
		}

		@Test
		void ignoredNPlusOne() throws Exception {
			new AcceptedLoops(this.shop.getDataSource()).ordersPerCustomer();
		}

		@Nested
		class Inner {

			@Test
			void nPlusOneInANestedClass() {
				FailOnFindingsFixture.this.shop.productsOneByOne();
			}

		}

	}

	@QueryLensTest
	static class RecorderParameterFixture {

		private final LensShop shop = new LensShop("extension-parameter");

		@Test
		@ExpectQueries(exactly = 1)
		void recordsABlock(QueryRecorder queries) {
			LensShop shop = this.shop;
			// Inside, the block's own recording is bound, so its statements are not the
			// method's.
			RecordingAssert.assertThat(queries.record(shop::customerNamesOneByOne))
				.hasQueryCount(5)
				.hasFinding(FindingType.N_PLUS_ONE);
			shop.orderIds();
		}

	}

	@FailOnFindings(value = FindingType.N_PLUS_ONE, baseline = "target/querylens-baseline-fixture.json")
	static class BaselineFixture {

		static final Path FILE = Path.of("target/querylens-baseline-fixture.json");

		static final String REGRESSED = "querylens.fixture.regressed";

		static final String FIXED = "querylens.fixture.fixed";

		private final LensShop shop = new LensShop("extension-baseline");

		@Test
		void customers() {
			this.shop.customerNamesOneByOne();
		}

		@Test
		void products() {
			if (Boolean.getBoolean(FIXED)) {
				this.shop.orderIds();
			}
			else {
				this.shop.productsOneByOne();
			}
		}

		@Test
		void ordersOfCustomers() {
			if (Boolean.getBoolean(REGRESSED)) {
				this.shop.ordersPerCustomerOneByOne();
			}
		}

	}

}
