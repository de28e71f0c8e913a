package dev.querylens.demo.lessons;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.it.TestDatabase;
import dev.querylens.demo.lessons.LessonExpectations.Expectation;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lesson over real HTTP: each variant's exact statement count as QueryLens recorded
 * it, its findings, and the same data from every variant; then each lesson page, which
 * must show those same numbers. Subclasses run it on H2, PostgreSQL and MariaDB.
 */
abstract class LessonsIntegrationTests {

	// Statement time and the pauses between statements depend on the machine (a loaded
	// one
	// stalled 1.1 s inside a lesson's transaction), so SLOW_QUERY and CONNECTION_HELD are
	// never a failure unless a lesson expects them.
	private static final Set<String> TIMING_DEPENDENT = Set.of("SLOW_QUERY", "CONNECTION_HELD");

	private static final Map<String, String> DATABASE_NAMES = Map.of("h2", "H2, in memory", "postgres", "PostgreSQL",
			"mariadb", "MariaDB");

	// What some pages show besides the statement counts: streaming holds one entity where
	// loading all holds the
	// table, though both read every row.
	private static final Map<String, Map<String, Map<String, String>>> PAGE_CELLS = Map.of("streaming", Map
		.of("peak-rows", Map.of("slow", "200000", "fast", "1"), "rows", Map.of("slow", "200000", "fast", "200000")));

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Autowired
	private LessonCatalog catalog;

	static List<String> lessons() {
		return LessonExpectations.lessons();
	}

	@Test
	void everyLessonAndEveryVariantHasExpectations() {
		Map<String, List<String>> inCatalog = new LinkedHashMap<>();
		this.catalog.lessons()
			.forEach((lesson) -> inCatalog.put(lesson.name(),
					lesson.variants().stream().map(Lesson.Variant::name).toList()));
		Map<String, List<String>> expected = new LinkedHashMap<>();
		LessonExpectations.ALL
			.forEach((expectation) -> expected.computeIfAbsent(expectation.lesson(), (name) -> new ArrayList<>())
				.add(expectation.variant()));
		assertThat(expected).isEqualTo(inCatalog);
		inCatalog.values()
			.forEach((variants) -> assertThat(variants).contains("slow", "fast").first().isEqualTo("slow"));
	}

	@ParameterizedTest
	@MethodSource("lessons")
	void eachVariantRunsItsStatementsReportsItsFindingsAndReturnsTheSameData(String lesson) throws Exception {
		String slowBody = null;
		for (Expectation expectation : LessonExpectations.of(lesson)) {
			HttpResponse<String> response = get("/lessons/" + lesson + "/" + expectation.variant());
			assertThat(response.statusCode()).as(expectation.toString()).isEqualTo(200);
			AnalyzedRecording recording = recordingOf(response);
			assertThat(recording.recording().getUri()).isEqualTo("/lessons/" + lesson + "/" + expectation.variant());
			assertThat(recording.recording().getQueryCount())
				.as("statements of %s/%s on %s", lesson, expectation.variant(), database())
				.isEqualTo(expectation.statementsOn(database()));
			assertFindings(expectation, recording);
			if (slowBody == null) {
				slowBody = response.body();
				assertThat(slowBody).isNotBlank().isNotEqualTo("[]");
			}
			else {
				assertThat(this.json.readTree(response.body())).as("data of %s/%s", lesson, expectation.variant())
					.isEqualTo(this.json.readTree(slowBody));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("lessons")
	void eachLessonPageShowsWhatQueryLensRecordedOfEachVariant(String lesson) throws Exception {
		HttpResponse<String> page = get("/lessons/" + lesson);
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		Map<String, Integer> shown = new LinkedHashMap<>();
		cells(html, "statements").forEach((variant, text) -> shown.put(variant, Integer.parseInt(text)));
		Map<String, Integer> expected = new LinkedHashMap<>();
		LessonExpectations.of(lesson).forEach((e) -> expected.put(e.variant(), e.statementsOn(database())));
		assertThat(shown).isEqualTo(expected);
		assertThat(html.split("class=\"same-data\">yes<", -1)).hasSize(expected.size() + 1);
		assertThat(html).doesNotContain("class=\"same-data\">NO<");
		for (String text : cells(html, "findings").values()) {
			assertThat(text).isNotBlank();
		}
		assertThat(html).contains("/querylens/recordings/").contains("/actuator/queries/");
		PAGE_CELLS.getOrDefault(lesson, Map.of())
			.forEach((cssClass, values) -> assertThat(cells(html, cssClass)).as(cssClass).isEqualTo(values));
		assertThat(html.split("<p class=\"problem\">")[1].split("</p>")[0].split("\\. ")).hasSize(2);
	}

	@Test
	void aLessonPageWritesTheFindingsCodeAsCodeAndTheirPluralsGluedToIt() throws Exception {
		String html = get("/lessons/to-one-n-plus-one").body();
		String findings = cells(html, "findings").get("slow");
		assertThat(findings).doesNotContain("`")
			.contains("<code>select &hellip; from customer c1_0 where c1_0.<wbr>id=<wbr>?</code>")
			.contains("<span class=\"glued\"><code>Order</code>s</span>")
			.contains("<b>Fix:</b>");
		assertThat(findings.replaceAll("</?(code|em|wbr|b|span|ul|li|strong)( class=\"[a-z]+\")?>", ""))
			.doesNotContain("<", ">");
	}

	@ParameterizedTest
	@MethodSource("lessons")
	void aLessonPageSaysWhichDatabaseItRanOnAndWhyAFastVariantCostMoreOnH2InMemory(String lesson) throws Exception {
		String html = get("/lessons/" + lesson).body();
		assertThat(html)
			.contains("run just now on <span class=\"database\">" + DATABASE_NAMES.get(database()) + "</span>");
		Map<String, String> dbTime = cells(html, "db-time");
		Map<String, String> heap = cells(html, "allocated");
		String slow = dbTime.keySet().iterator().next();
		List<String> costlier = new ArrayList<>();
		for (String variant : dbTime.keySet()) {
			boolean more = !variant.equals(slow) && (number(dbTime.get(variant)) > number(dbTime.get(slow))
					|| number(heap.get(variant)) > number(heap.get(slow)));
			if (more && database().equals("h2")) {
				costlier.add(variant);
			}
			assertThat(dbTime.get(variant) + heap.get(variant)).as("%s/%s", lesson, variant)
				.contains(costlier.contains(variant) ? "why more?" : "");
		}
		if (costlier.isEmpty()) {
			assertThat(html).as(lesson).doesNotContain("id=\"in-memory\"").doesNotContain("why more?");
		}
		else {
			String note = html.split("id=\"in-memory\"")[1].split("</p>")[0];
			assertThat(note).contains("H2 in memory", "round trip", "spring-boot.run.profiles=postgres");
			for (String variant : costlier) {
				assertThat(note).contains("<code>" + variant + "</code>");
			}
		}
	}

	// "1.25 ms" or "3.5 kB", with a "why more?" link after it or not.
	private static double number(String cell) {
		Matcher matcher = Pattern.compile("([0-9]+(?:[.,][0-9]+)?) (ms|kB)").matcher(cell);
		assertThat(matcher.find()).as(cell).isTrue();
		return Double.parseDouble(matcher.group(1).replace(',', '.'));
	}

	@Test
	void theIndexLessonShowsAFullScanWithoutTheIndexAndTheIndexWithIt() throws Exception {
		String html = get("/lessons/index").body();
		String slowPlan = plan(html, "slow").toLowerCase();
		String fastPlan = plan(html, "fast").toLowerCase();
		assertThat(fastPlan).contains("page_view_visitor_id");
		assertThat(slowPlan).doesNotContain("page_view_visitor_id");
	}

	@Test
	void readModifyWriteLosesUpdatesUnderConcurrencyAndTheAtomicUpdateLosesNone() throws Exception {
		JsonNode atomic = this.json.readTree(get("/lessons/atomic-update/race/fast").body());
		assertThat(atomic.get("attempted").asInt()).isEqualTo(400);
		assertThat(atomic.get("failed").asInt()).isZero();
		assertThat(atomic.get("counted").asLong()).isEqualTo(400);
		JsonNode readModifyWrite = this.json.readTree(get("/lessons/atomic-update/race/slow").body());
		assertThat(readModifyWrite.get("attempted").asInt()).isEqualTo(400);
		assertThat(readModifyWrite.get("counted").asLong()).isLessThan(400);
	}

	@Test
	void theWritingLessonsLeaveTheDataAsTheyFoundIt() throws Exception {
		for (String lesson : List.of("batch-inserts", "bulk-update", "atomic-update")) {
			for (Expectation expectation : LessonExpectations.of(lesson)) {
				HttpResponse<String> first = get("/lessons/" + lesson + "/" + expectation.variant());
				HttpResponse<String> second = get("/lessons/" + lesson + "/" + expectation.variant());
				assertThat(second.body()).isEqualTo(first.body());
				assertThat(recordingOf(second).recording().getQueryCount())
					.isEqualTo(expectation.statementsOn(database()));
			}
		}
	}

	@Test
	void theConnectionPoolLessonsFastVariantRunsItsReadsInOneReadOnlyTransactionOnOneConnection() throws Exception {
		String id = get("/lessons/connection-pool/fast").headers().firstValue("X-QueryLens-Id").orElseThrow();
		JsonNode recording = this.json.readTree(get("/actuator/queries/" + id).body());
		assertThat(recording.get("transactions")).hasSize(1);
		JsonNode transaction = recording.get("transactions").get(0);
		assertThat(transaction.get("readOnly").asBoolean()).isTrue();
		assertThat(transaction.get("outcome").asString()).isEqualTo("commit");
		assertThat(recording.get("connectionCount").asInt()).isEqualTo(1);
		assertThat(recording.get("queries")).hasSize(ConnectionPoolLesson.READS.size())
			.allSatisfy(
					(query) -> assertThat(query.get("transaction").asInt()).isEqualTo(transaction.get("id").asInt()));
	}

	@Test
	void theJsonApiReturnsTheSameOrdersBothWaysAndThePageCallsIt() throws Exception {
		HttpResponse<String> slow = get("/api/orders/slow");
		HttpResponse<String> fast = get("/api/orders/fast");
		assertThat(slow.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(this.json.readTree(fast.body())).hasSize(50).isEqualTo(this.json.readTree(slow.body()));
		AnalyzedRecording slowRecording = recordingOf(slow);
		assertThat(slowRecording.recording().getQueryCount()).isEqualTo(11);
		assertThat(slowRecording.hasFinding(FindingType.N_PLUS_ONE)).isTrue();
		AnalyzedRecording fastRecording = recordingOf(fast);
		assertThat(fastRecording.recording().getQueryCount()).isEqualTo(1);
		assertThat(fastRecording.activeFindings()).isEmpty();
		String spa = get("/spa").body();
		assertThat(spa).contains("fetch(").contains("api/orders/slow").contains("api/orders/fast");
	}

	@Test
	void theHomePageListsEveryLesson() throws Exception {
		String home = get("/").body();
		for (String lesson : LessonExpectations.lessons()) {
			assertThat(home).contains("href=\"/lessons/" + lesson + "\"");
		}
	}

	@Test
	void anUnknownLessonOrVariantIsNotFound() throws Exception {
		assertThat(get("/lessons/no-such-lesson").statusCode()).isEqualTo(404);
		assertThat(get("/lessons/index/no-such-variant").statusCode()).isEqualTo(404);
	}

	private void assertFindings(Expectation expectation, AnalyzedRecording recording) {
		List<String> reported = recording.activeFindings().stream().map(Finding::type).map(Enum::name).toList();
		for (String finding : expectation.findings()) {
			if (LessonExpectations.DETECTED.contains(finding)) {
				assertThat(reported).as("findings of %s", expectation).contains(finding);
			}
		}
		assertThat(reported.stream().filter((type) -> !TIMING_DEPENDENT.contains(type)).distinct())
			.as("findings of %s", expectation)
			.isSubsetOf(expectation.findings());
	}

	private String database() {
		return getClass().getAnnotation(TestDatabase.class).value();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofMinutes(2))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	// Stored before the body left: a client holding the response always finds its
	// recording.
	private AnalyzedRecording recordingOf(HttpResponse<String> response) {
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		return this.store.findById(id).orElseThrow(() -> new AssertionError("No recording " + id + " in the store"));
	}

	private static Map<String, String> cells(String html, String cssClass) {
		Matcher matcher = Pattern
			.compile("class=\"" + cssClass + "\" data-variant=\"([^\"]+)\">(.*?)</td>", Pattern.DOTALL)
			.matcher(html);
		Map<String, String> cells = new LinkedHashMap<>();
		while (matcher.find()) {
			cells.put(matcher.group(1), matcher.group(2).trim());
		}
		return cells;
	}

	private static String plan(String html, String variant) {
		Matcher matcher = Pattern.compile("class=\"plan\" data-variant=\"" + variant + "\">(.*?)</pre>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("plan of %s", variant).isTrue();
		return matcher.group(1);
	}

}
