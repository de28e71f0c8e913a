package dev.querylens.precision;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.precision.Scenario.Expected;
import dev.querylens.store.RecordingStore;

import static dev.querylens.analysis.FindingType.BATCHABLE_WRITES;
import static dev.querylens.analysis.FindingType.CONNECTION_CHURN;
import static dev.querylens.analysis.FindingType.CONNECTION_HELD;
import static dev.querylens.analysis.FindingType.DUPLICATE_QUERY;
import static dev.querylens.analysis.FindingType.LAZY_LOAD_IN_VIEW;
import static dev.querylens.analysis.FindingType.MANY_TRANSACTIONS;
import static dev.querylens.analysis.FindingType.N_PLUS_ONE;
import static dev.querylens.analysis.FindingType.QUERY_IN_VIEW;
import static dev.querylens.analysis.FindingType.READ_MODIFY_WRITE;
import static dev.querylens.analysis.FindingType.SLOW_QUERY;
import static dev.querylens.analysis.FindingType.UNBOUNDED_RESULT;
import static dev.querylens.analysis.FindingType.WIDE_ROWS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precision corpus: each scenario of {@link #CORPUS} is requested over real HTTP from
 * {@code com.example.corpus.CorpusApplication} and must give exactly the findings it
 * lists (type, association, call site, count) and no other. Each true case sits beside
 * its nearest look-alike, which must stay silent. {@code docs/precision.md}'s table is
 * this corpus's precision and recall per detector, checked here. Subclasses run it on H2,
 * PostgreSQL and MariaDB, one application context each.
 */
@TestPropertySource(properties = { "spring.jpa.hibernate.ddl-auto=create-drop",
		// The timed true cases wait 3 s (a sleep in the database, a remote call), every
		// other statement and gap takes milliseconds: 1.5 s is far from both, so a pause
		// of a loaded machine neither makes nor hides a finding.
		"querylens.slow-query.threshold=1500ms", "querylens.slow-query.explain=false",
		"querylens.connection-held.threshold=1500ms",
		// Sized to the corpus's tables, a few dozen rows.
		"querylens.unbounded-result.rows=20", "querylens.wide-rows.bytes-per-row=2048",
		"querylens.wide-rows.min-rows=5", "querylens.many-transactions.threshold=4" })
abstract class PrecisionCorpusTests {

	static final List<Scenario> CORPUS = List.of(
			Scenario.of("a lazy to-one read in a loop", "/corpus/books/authors")
				.finds(N_PLUS_ONE, "Book.author", "Catalog.authorNames", 4)
				.saying(N_PLUS_ONE, "(a lazy to-one)", "`@EntityGraph(attributePaths = \"author\")`"),
			Scenario.of("the same, join fetched", "/corpus/books/authors/join-fetched").silentFor(N_PLUS_ONE),
			Scenario.of("the same, authors read by one IN batch", "/corpus/books/authors/in-one-batch")
				.silentFor(N_PLUS_ONE),
			Scenario.of("a lazy collection read in a loop", "/corpus/books/reviews")
				.finds(N_PLUS_ONE, "Book.reviews", "Catalog.reviewCounts", 12)
				.saying(N_PLUS_ONE, "(a lazy collection)", "`@EntityGraph(attributePaths = \"reviews\")`"),
			Scenario.of("two associations of each row read in one loop", "/corpus/books/authors-and-reviews")
				.finds(N_PLUS_ONE, "Book.author", "Catalog.authorsAndReviewCounts", 4)
				.finds(N_PLUS_ONE, "Book.reviews", "Catalog.authorsAndReviewCounts", 12),
			Scenario.of("the same collection under a paged query", "/corpus/books/reviews/paged")
				.finds(N_PLUS_ONE, "Book.reviews", "Catalog.reviewCountsOfAPage", 6)
				.saying(N_PLUS_ONE, "@BatchSize(size = 16)", "16 covers the 6 `Book`s the query paged"),
			Scenario.of("an EAGER collection of each shelf a query returned", "/corpus/shelves")
				.finds(N_PLUS_ONE, "Shelf.books", "Catalog.shelfSizes", 3)
				.saying(N_PLUS_ONE, "(an EAGER collection", "`FetchType.EAGER`"),
			Scenario.of("the EAGER collection of one shelf found by id", "/corpus/shelves/1").silentFor(N_PLUS_ONE),
			Scenario.of("an EAGER to-one of each edition a query returned", "/corpus/editions")
				.finds(N_PLUS_ONE, "Edition.book", "Catalog.editionTitles", 4)
				.saying(N_PLUS_ONE, "(an EAGER to-one", "`FetchType.EAGER` on `Edition.book` is the cost"),
			Scenario.of("the same editions with their book join fetched", "/corpus/editions/join-fetched")
				.silentFor(N_PLUS_ONE),
			Scenario.of("one book found twice in one persistence context", "/corpus/books/1/twice")
				.silentFor(DUPLICATE_QUERY),
			Scenario.of("a repository call per id with no transaction around the loop", "/corpus/authors/one-by-one")
				.finds(N_PLUS_ONE, null, "CorpusController.authorsOneByOne", 4)
				.silentFor(MANY_TRANSACTIONS),
			Scenario.of("an entity read, changed and flushed at commit", "/corpus/books/1/restock")
				.finds(READ_MODIFY_WRITE, null, "Catalog.restock", 2),
			Scenario
				.of("an entity read, changed and saved by the repository's own transaction",
						"/corpus/books/2/restock/saved")
				.finds(READ_MODIFY_WRITE, null, "CorpusController.restockAndSave", 2),
			Scenario.of("the same change as one atomic update", "/corpus/books/1/restock/atomically")
				.silentFor(READ_MODIFY_WRITE),
			Scenario.of("JDBC reads by key in a loop, some keys repeated", "/corpus/jdbc/titles")
				.finds(N_PLUS_ONE, null, "Ledger.titlesOneByOne", 8)
				.silentFor(DUPLICATE_QUERY),
			Scenario.of("the same keys in one IN list", "/corpus/jdbc/titles/in-one-list").silentFor(N_PLUS_ONE),
			Scenario.of("JDBC writes one by one in a transaction", "/corpus/jdbc/ratings")
				.finds(BATCHABLE_WRITES, null, "Ledger.rate", 10),
			Scenario.of("the same writes as one JDBC batch", "/corpus/jdbc/ratings/in-one-batch")
				.silentFor(BATCHABLE_WRITES),
			Scenario.of("JDBC writes one by one with no transaction", "/corpus/jdbc/ratings/without-transaction")
				.finds(BATCHABLE_WRITES, null, "Ledger.rate", 10),
			Scenario.of("JDBC reads each on a connection of its own", "/corpus/jdbc/counts/without-transaction")
				.finds(CONNECTION_CHURN, null, "Ledger.counts", 6)
				.saying(CONNECTION_CHURN,
						"`@Transactional(readOnly = true)` on the method around them (`Ledger.counts`)"),
			Scenario.of("the same reads in one read-only transaction", "/corpus/jdbc/counts")
				.silentFor(CONNECTION_CHURN),
			Scenario.of("one JDBC query run twice", "/corpus/jdbc/stocked/twice")
				.finds(DUPLICATE_QUERY, null, "Ledger.stockedTwice", 2),
			Scenario.of("a query through a data source stacked on the pool", "/corpus/reports/once")
				.silentFor(DUPLICATE_QUERY),
			Scenario.of("the same query twice through the stacked data source", "/corpus/reports/twice")
				.finds(DUPLICATE_QUERY, null, "Ledger.reportTwice", 2),
			Scenario.of("a lazy to-one read by the template", "/corpus/pages/books/1")
				.finds(LAZY_LOAD_IN_VIEW, "Book.author", "view:corpus/book", 1),
			Scenario.of("the same page with the author join fetched", "/corpus/pages/books/1/with-author")
				.silentFor(LAZY_LOAD_IN_VIEW),
			Scenario.of("a repository call from the template", "/corpus/pages/genres/count")
				.finds(QUERY_IN_VIEW, null, "Catalog.genreCount", 1)
				.silentFor(LAZY_LOAD_IN_VIEW),
			Scenario.of("the same count put in the model by the handler", "/corpus/pages/genres/count/in-the-model")
				.silentFor(QUERY_IN_VIEW),
			Scenario.of("a formatter querying for each option of a select", "/corpus/pages/listings/1/genre")
				.finds(QUERY_IN_VIEW, null, "GenreFormatter.parse", 3)
				.silentFor(DUPLICATE_QUERY, LAZY_LOAD_IN_VIEW),
			Scenario
				.of("a formatter querying by JDBC for each option, each on a connection of its own",
						"/corpus/pages/listings/1/condition")
				.finds(QUERY_IN_VIEW, null, "ConditionFormatter.parse", 5)
				.silentFor(CONNECTION_CHURN, DUPLICATE_QUERY),
			Scenario.of("a request parameter bound by the formatter that queries", "/corpus/genres/chosen?genre=novel")
				.finds(DUPLICATE_QUERY, null, "GenreChoice.genres", 2)
				.saying(DUPLICATE_QUERY, "`GenreFormatter.parse` ran it again", "`@Cacheable` on"),
			Scenario.of("a formatter reading a cached list", "/corpus/pages/listings/1/format")
				.silentFor(QUERY_IN_VIEW, DUPLICATE_QUERY),
			Scenario.of("four read-only service methods called with no transaction around them", "/corpus/summary")
				.finds(MANY_TRANSACTIONS, null, "CatalogSummary.read", 4)
				.saying(MANY_TRANSACTIONS,
						"`@Transactional(readOnly = true)` on `CatalogSummary.read`, which calls them"),
			Scenario.of("the same calls in one read-only transaction", "/corpus/summary/in-one-transaction")
				.silentFor(MANY_TRANSACTIONS),
			Scenario.of("every review read with no limit", "/corpus/reviews/stars")
				.finds(UNBOUNDED_RESULT, null, "Catalog.everyReviewsStars", 1)
				.saying(UNBOUNDED_RESULT, "read 24 rows with no limit", "`Pageable`"),
			Scenario.of("the same reviews read as one page", "/corpus/reviews/stars/paged").silentFor(UNBOUNDED_RESULT),
			Scenario.of("every manuscript read with its text for a list of titles", "/corpus/manuscripts/titles")
				.finds(WIDE_ROWS, null, "Catalog.manuscriptTitles", 1)
				.saying(WIDE_ROWS, "the largest values in `crp_manuscript.text`", "`@Basic(fetch = FetchType.LAZY)`"),
			Scenario.of("their titles selected alone", "/corpus/manuscripts/titles/alone").silentFor(WIDE_ROWS),
			Scenario.of("one manuscript read with its text", "/corpus/manuscripts/1/length").silentFor(WIDE_ROWS),
			Scenario.of("a query waiting 3 s in the database, in a transaction", "/corpus/jdbc/slow")
				.finds(SLOW_QUERY, null, "Ledger.slowInTheDatabase", 1)
				.silentFor(CONNECTION_HELD),
			Scenario.of("a transaction waiting 3 s for a remote call between two fast queries", "/corpus/jdbc/quoted")
				.finds(CONNECTION_HELD, null, "Ledger.quotedInTheTransaction", 2)
				.saying(CONNECTION_HELD, "move it out of `Ledger.quotedInTheTransaction`")
				.silentFor(SLOW_QUERY),
			Scenario
				.of("the same remote call before the transaction begins", "/corpus/jdbc/quoted/before-the-transaction")
				.silentFor(CONNECTION_HELD, SLOW_QUERY));

	private static final Map<String, AnalyzedRecording> RECORDED = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	static Stream<Scenario> corpus() {
		return CORPUS.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void findsExactlyWhatTheScenarioStates(Scenario scenario) throws Exception {
		AnalyzedRecording recording = recordingOf(scenario.path());
		List<Finding> findings = recording.findings();
		assertThat(findings.stream().map(PrecisionCorpusTests::stated).toList())
			.as("findings of %s:%n%s", scenario, recording.recording())
			.containsExactlyInAnyOrderElementsOf(scenario.expected());
		for (Finding finding : findings) {
			for (String text : scenario.advice().getOrDefault(finding.type(), List.of())) {
				assertThat(finding.message() + "\n" + finding.suggestion()).as("%s of %s", finding.type(), scenario)
					.contains(text);
			}
		}
	}

	@Test
	void docsPrecisionMdReportsThisCorpus() throws Exception {
		List<Outcome> outcomes = new ArrayList<>();
		for (Scenario scenario : CORPUS) {
			outcomes.add(new Outcome(scenario,
					recordingOf(scenario.path()).findings().stream().map(PrecisionCorpusTests::stated).toList()));
		}
		String table = PrecisionTable.of(outcomes);
		assertThat(docs()).as("docs/precision.md must hold this table:%n%s", table).contains(table);
	}

	static Expected stated(Finding finding) {
		return new Expected(finding.type(), finding.association(), method(finding.callSite()), finding.count());
	}

	private static String method(@Nullable String callSite) {
		if (callSite == null) {
			return "(none)";
		}
		int arguments = callSite.indexOf('(');
		String method = (arguments < 0) ? callSite : callSite.substring(0, arguments);
		return method.startsWith("com.example.corpus.") ? method.substring("com.example.corpus.".length()) : method;
	}

	private static String docs() throws IOException {
		Path module = Path.of("").toAbsolutePath();
		Path docs = module.resolveSibling("docs").resolve("precision.md");
		return Files.exists(docs) ? Files.readString(docs) : "";
	}

	// Each scenario is requested once per database: the table's test reads what the
	// scenarios' tests recorded, and the timed scenarios wait seconds.
	private AnalyzedRecording recordingOf(String path) throws Exception {
		String key = this.port + " " + path;
		AnalyzedRecording recorded = RECORDED.get(key);
		if (recorded == null) {
			recorded = request(path);
			RECORDED.put(key, recorded);
		}
		return recorded;
	}

	private AnalyzedRecording request(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		return this.store.findById(id).orElseThrow();
	}

	/**
	 * What one scenario found.
	 *
	 * @param scenario the scenario
	 * @param found its findings, as the corpus states them
	 */
	record Outcome(Scenario scenario, List<Expected> found) {

	}

}
