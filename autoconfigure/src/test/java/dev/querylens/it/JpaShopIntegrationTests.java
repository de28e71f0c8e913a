package dev.querylens.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import com.example.jpashop.JpaShopApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.explain.QueryExplainer;
import dev.querylens.explain.QueryPlans;
import dev.querylens.explain.SlowQueryExplainer;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JpaShopApplication} over real HTTP with Hibernate: each costly pattern reported,
 * named and fixed, and its fixed version not reported. Subclasses run the same tests on
 * H2, PostgreSQL and MariaDB.
 */
@TestPropertySource(locations = "classpath:com/example/jpashop/jpashop.properties")
@Import(JpaShopIntegrationTests.ExplainWhenTheTestSays.class)
abstract class JpaShopIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Autowired
	private QueryPlans plans;

	@Autowired
	private QueuedExplains explains;

	@Test
	void aLazyToOneReadInALoopIsNamedWithTheRepositoryMethodThatLoadedItsOwners() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/customers/slow");
		assertThat(recording.recording().getQueryCount()).isEqualTo(1 + 4);
		assertThat(EntityLoads.of(recording.recording()).lazyLoads()).hasSize(4).allSatisfy((load) -> {
			assertThat(load.role()).isEqualTo("Order.customer");
			assertThat(load.collection()).isFalse();
			assertThat(load.path()).isEqualTo("customer");
			assertThat(load.loader()).isEqualTo("OrderRepository.findAllByOrderByIdAsc");
			assertThat(load.loaderQueryIndex()).isZero();
			assertThat(load.queryCount()).isEqualTo(1);
			assertThat(load.callSite().className()).isEqualTo("com.example.jpashop.ShopService");
		});
		Finding nPlusOne = only(recording, FindingType.N_PLUS_ONE);
		assertThat(nPlusOne.association()).isEqualTo("Order.customer");
		assertThat(nPlusOne.count()).isEqualTo(4);
		assertThat(nPlusOne.queryIndexes()).containsExactly(1, 2, 3, 4);
		assertThat(nPlusOne.message()).contains("`Order.customer` (a lazy to-one) was loaded 4 times")
			.contains("came from `OrderRepository.findAllByOrderByIdAsc`");
		assertThat(nPlusOne.suggestion())
			.contains("`@EntityGraph(attributePaths = \"customer\")` on `OrderRepository.findAllByOrderByIdAsc`")
			.contains("`join fetch o.customer`");
		assertThat(recordingOf("GET", "/customers/fast").findings()).isEmpty();
	}

	@Test
	void aLazyCollectionReadInALoopIsNamedAsACollection() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/items/slow");
		assertThat(recording.recording().getQueryCount()).isEqualTo(1 + 12);
		assertThat(EntityLoads.of(recording.recording()).lazyLoads()).hasSize(12)
			.allSatisfy((load) -> assertThat(load.collection()).isTrue());
		Finding nPlusOne = only(recording, FindingType.N_PLUS_ONE);
		assertThat(nPlusOne.association()).isEqualTo("Order.items");
		assertThat(nPlusOne.count()).isEqualTo(12);
		assertThat(nPlusOne.message()).contains("(a lazy collection)").doesNotContain("EAGER");
		assertThat(nPlusOne.suggestion())
			.contains("`@EntityGraph(attributePaths = \"items\")` on `OrderRepository.findAllByOrderByIdAsc`")
			.doesNotContain("FetchType.EAGER")
			.contains("`join fetch o.items`")
			.doesNotContain("HHH90003004");
		assertThat(recordingOf("GET", "/items/fast").findings()).isEmpty();
	}

	@Test
	void aQueryThatLoadedSeveralEntityTypesIsNotNamedAsTheRepositoryMethodOfEither() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/items/after-join");
		Finding nPlusOne = only(recording, FindingType.N_PLUS_ONE);
		assertThat(nPlusOne.association()).isEqualTo("Order.items");
		assertThat(nPlusOne.suggestion()).doesNotContain("OrderRepository")
			.contains(
					"on the repository method that loads the `Order`s (the query at `com.example.jpashop.ShopService");
	}

	@Test
	void aLazyCollectionOfAPagedQueryIsBatchFetchedRatherThanJoined() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/items/paged");
		Finding nPlusOne = only(recording, FindingType.N_PLUS_ONE);
		assertThat(nPlusOne.association()).isEqualTo("Order.items");
		assertThat(nPlusOne.count()).isEqualTo(6);
		assertThat(nPlusOne.suggestion()).contains("@BatchSize(size = 16)")
			.contains("default_batch_fetch_size=16")
			.contains("16 covers the 6 `Order`s the query paged, rounded up to a standard size")
			.contains("HHH90003004")
			.doesNotContain("attributePaths");
	}

	@Test
	void aNestedNPlusOneUnderAPagedQueryIsBatchFetchedAndNeverJoinedAtEitherLevel() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/products/paged");
		assertThat(recording.recording().getQueryCount()).isEqualTo(1 + 1 + 6 + 12);
		List<Finding> nPlusOnes = findings(recording, FindingType.N_PLUS_ONE);
		assertThat(recording.findings()).hasSameSizeAs(nPlusOnes);
		assertThat(nPlusOnes).extracting(Finding::association)
			.containsExactlyInAnyOrder("Order.items", "OrderItem.product");
		assertThat(nPlusOnes).allSatisfy((finding) -> assertThat(finding.suggestion())
			.contains("`spring.jpa.properties.hibernate.default_batch_fetch_size=16`")
			.contains("16 covers the 12 loads of its largest level, rounded up to a standard size")
			.contains("HHH90003004")
			.doesNotContain("attributePaths = {")
			.doesNotContain("Fetch both levels")
			.doesNotContain("join fetch o.items"));
	}

	@Test
	void anEagerCollectionLoadedBySecondarySelectsIsNamedEagerWithTheMappingAsTheCost() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/teams/all");
		assertThat(recording.recording().getQueryCount()).isEqualTo(1 + 5);
		Finding nPlusOne = only(recording, FindingType.N_PLUS_ONE);
		assertThat(nPlusOne.association()).isEqualTo("Team.members");
		assertThat(nPlusOne.message())
			.contains("`Team.members` (an EAGER collection, which Hibernate loads by a "
					+ "secondary select) was loaded 5 times")
			.doesNotContain("lazy");
		assertThat(nPlusOne.suggestion()).startsWith("`FetchType.EAGER` on `Team.members` is the cost")
			.contains("Make it `FetchType.LAZY` and fetch it where it is needed")
			.contains("`@EntityGraph(attributePaths = \"members\")` on `TeamRepository.findAllByOrderByIdAsc`")
			.contains("`@BatchSize(size = 16)`")
			.contains("16 covers the 5 `Team`s the query loaded, rounded up to a standard size");
	}

	@Test
	void aRepositoryCallRepeatedWithItsSecondarySelectIsOneDuplicateNamingTheCall() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/teams/twice");
		assertThat(recording.recording().getQueryCount()).isEqualTo(2 * 2);
		Finding duplicate = only(recording, FindingType.DUPLICATE_QUERY);
		assertThat(duplicate.count()).isEqualTo(2);
		assertThat(duplicate.queryIndexes()).containsExactly(0, 1, 2, 3);
		assertThat(duplicate.message()).startsWith("`TeamRepository.findById`, 2 statements (`select … from jps_team ")
			.contains("then `select … from jps_member ")
			.contains(
					"ran 2 times with the same parameters, first from `com.example.jpashop.ShopService.sameTeamTwice(");
		assertThat(duplicate.callSite()).startsWith("com.example.jpashop.ShopService.sameTeamTwice(");
		assertThat(duplicate.suggestion()).contains("`TeamRepository.findById`").contains("persistence context");
		assertThat(recordingOf("GET", "/teams/two").findings()).isEmpty();
	}

	@Test
	void aNestedNPlusOneReportsBothLevelsWithOneSuggestionCoveringBoth() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/products/slow");
		assertThat(recording.recording().getQueryCount()).isEqualTo(1 + 12 + 24);
		List<LazyLoad> productLoads = EntityLoads.of(recording.recording())
			.lazyLoads()
			.stream()
			.filter((load) -> load.role().equals("OrderItem.product"))
			.toList();
		assertThat(productLoads).hasSize(24).allSatisfy((load) -> {
			assertThat(load.path()).isEqualTo("items.product");
			assertThat(load.rootEntity()).isEqualTo("Order");
			assertThat(load.loader()).isEqualTo("OrderRepository.findAllByOrderByIdAsc");
		});
		List<Finding> nPlusOnes = findings(recording, FindingType.N_PLUS_ONE);
		assertThat(nPlusOnes).extracting(Finding::association)
			.containsExactlyInAnyOrder("Order.items", "OrderItem.product");
		assertThat(nPlusOnes).allSatisfy((finding) -> assertThat(finding.suggestion())
			.contains("`@EntityGraph(attributePaths = {\"items\", \"items.product\"})` on "
					+ "`OrderRepository.findAllByOrderByIdAsc`")
			.contains("`join fetch o.items i join fetch i.product`"));
		assertThat(nPlusOnes).filteredOn((finding) -> finding.association().equals("OrderItem.product"))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.count()).isEqualTo(24));
		assertThat(recordingOf("GET", "/products/fast").findings()).isEmpty();
	}

	@Test
	void insertsIntoATableWithAnIdentityKeyAreReportedWithTheIdentityTrap() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/audit-events");
		Finding writes = only(recording, FindingType.BATCHABLE_WRITES);
		assertThat(writes.count()).isEqualTo(10);
		assertThat(writes.message()).contains("10 single-row `INSERT`s into `jps_audit_event`");
		assertThat(writes.suggestion()).contains("saveAll")
			.contains("hibernate.jdbc.batch_size")
			.contains("key of `jps_audit_event` is identity-generated")
			.contains("GenerationType.SEQUENCE");
	}

	@Test
	void insertsSentAsAJdbcBatchAreNotReported() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/tags");
		assertThat(recording.queries()).anySatisfy((query) -> assertThat(query.event().batchSize()).isEqualTo(10));
		assertThat(recording.findings()).isEmpty();
	}

	@Test
	void aRowReadThenWrittenBackIsReportedAndTheAtomicUpdateIsNot() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/stock/slow/7");
		Finding finding = only(recording, FindingType.READ_MODIFY_WRITE);
		assertThat(finding.message()).contains("Row `id = 7` of `jps_product`");
		assertThat(finding.suggestion()).contains("@Modifying @Query(\"update").contains("@Version");
		assertThat(finding.queryIndexes()).hasSize(2);
		assertThat(recordingOf("POST", "/stock/fast/8").findings()).isEmpty();
	}

	@Test
	void aSelectWithoutLimitReadingManyRowsIsReportedAndThePagedOneIsNot() throws Exception {
		Finding finding = only(recordingOf("GET", "/catalogue/all"), FindingType.UNBOUNDED_RESULT);
		assertThat(finding.message()).contains("read 50 rows with no limit");
		assertThat(finding.suggestion()).contains("Pageable").contains("Stream<T>");
		assertThat(recordingOf("GET", "/catalogue/paged").findings()).isEmpty();
	}

	@Test
	void entitiesWithALargeColumnListedAreWideRowsAndTheProjectionAndTheDetailPageAreNot() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/guides/slow");
		assertThat(recording.queries()).singleElement().satisfies((query) -> {
			assertThat(query.event().rows()).isEqualTo(25);
			assertThat(query.event().bytesRead()).isGreaterThanOrEqualTo(25L * 8000);
			assertThat(query.event().widestColumn()).isEqualToIgnoringCase("content");
		});
		Finding finding = only(recording, FindingType.WIDE_ROWS);
		assertThat(finding.message()).contains("read 25 rows of")
			.contains("`jps_guide.content`")
			.contains("com.example.jpashop.ShopService.guideTitlesSlow");
		assertThat(finding.suggestion()).contains("interface projection").contains("@Basic(fetch = FetchType.LAZY)");
		AnalyzedRecording projection = recordingOf("GET", "/guides/fast");
		assertThat(projection.findings()).isEmpty();
		assertThat(projection.queries()).singleElement().satisfies((query) -> {
			assertThat(query.event().rows()).isEqualTo(25);
			assertThat(query.event().bytesRead()).isLessThan(25L * 20);
			assertThat(query.event().widestColumn()).isNull();
		});
		AnalyzedRecording detail = recordingOf("GET", "/guides/3/content");
		assertThat(detail.queries()).singleElement()
			.satisfies((query) -> assertThat(query.event().widestColumn()).isEqualToIgnoringCase("content"));
		assertThat(detail.findings()).isEmpty();
	}

	@Test
	void aStatementOverTheThresholdIsReportedAndAFastOneIsNot() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/report/slow");
		Finding finding = only(recording, FindingType.SLOW_QUERY);
		assertThat(finding.message()).contains("over the 1000 ms threshold");
		assertThat(finding.suggestion()).contains("@Index");
		assertThat(recordingOf("GET", "/report/fast").findings()).isEmpty();
	}

	@Test
	void theSlowSelectIsExplainedOffTheRequestThreadAndThePlanNamesTheMissingIndex() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/report/slow");
		String id = recording.recording().getId();
		String fingerprint = only(recording, FindingType.SLOW_QUERY).fingerprint();
		// The request is over and its EXPLAIN has not run: it waits for the executor,
		// never on the request thread.
		assertThat(this.plans.find(fingerprint)).isEmpty();
		this.explains.runAll();
		assertThat(this.plans.find(fingerprint)).isPresent();
		String json = get("/querylens/api/recordings/" + id);
		assertThat(json).contains("EXPLAIN on ")
			.contains("It reads all of `jps_product` to filter or order by `title`")
			.contains("`@Table(indexes = @Index(columnList = \\\"title\\\"))`");
		// The stored recording is never rewritten, and EXPLAIN ran unrecorded on the
		// unwrapped data source.
		assertThat(this.store.findById(id)).containsSame(recording);
		assertThat(only(recording, FindingType.SLOW_QUERY).suggestion()).doesNotContain("EXPLAIN on");
		assertThat(recording.recording().getQueryCount()).isEqualTo(1);
		// A later recording of the same statement gets the plan at once, with no second
		// EXPLAIN.
		String again = recordingOf("GET", "/report/slow").recording().getId();
		assertThat(this.explains.size()).isZero();
		assertThat(get("/querylens/api/recordings/" + again)).contains("EXPLAIN on ");
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static Finding only(AnalyzedRecording recording, FindingType type) {
		assertThat(recording.findings()).as("findings of %s", recording.recording()).hasSize(1);
		return findings(recording, type).get(0);
	}

	private static List<Finding> findings(AnalyzedRecording recording, FindingType type) {
		List<Finding> found = recording.findings().stream().filter((finding) -> finding.type() == type).toList();
		assertThat(found).as("%s findings in %s", type, recording.findings()).isNotEmpty();
		return found;
	}

	private AnalyzedRecording recordingOf(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		// Stored before the body left: a client holding the response always finds its
		// recording.
		return this.store.findById(id).orElseThrow();
	}

	/**
	 * The slow-query explainer on an executor whose tasks run when the test says, so
	 * nothing waits for a thread.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ExplainWhenTheTestSays {

		@Bean
		QueuedExplains queuedExplains() {
			return new QueuedExplains();
		}

		@Bean
		SlowQueryExplainer queuedSlowQueryExplainer(QueryExplainer explainer, QueryPlans plans,
				QueuedExplains explains) {
			return new SlowQueryExplainer(explainer, plans, explains);
		}

	}

	/**
	 * An executor that keeps its tasks until {@link #runAll()}.
	 */
	static final class QueuedExplains implements Executor {

		private final Queue<Runnable> queued = new ConcurrentLinkedQueue<>();

		@Override
		public void execute(Runnable task) {
			this.queued.add(task);
		}

		int size() {
			return this.queued.size();
		}

		void runAll() {
			Runnable task;
			while ((task = this.queued.poll()) != null) {
				task.run();
			}
		}

	}

}
