package dev.querylens.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's order pages over real HTTP, checked against what QueryLens records of them.
 * Subclasses run the same tests on H2, PostgreSQL and MariaDB.
 */
abstract class OrderPagesIntegrationTests {

	/**
	 * The lazy customer load, as Hibernate 7 writes it on every database the tests run
	 * on.
	 */
	static final String CUSTOMER_BY_ID = "select c1_0.id,c1_0.city,c1_0.name from customer c1_0 where c1_0.id=?";

	private static final Pattern SERVER_TIMING = Pattern.compile("db;dur=(\\d+(\\.\\d+)?);desc=\"(\\d+) quer(y|ies)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void slowOrdersPageRunsOneQueryPerCustomerAndReportsTheNPlusOne() throws Exception {
		HttpResponse<String> page = get("/orders/slow");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(rows(page.body(), "customer")).hasSize(50);
		JsonNode recording = recordingOf(page);
		assertThat(recording.get("queryCount").asInt()).isEqualTo(11);
		assertThat(serverTimingCount(page)).isEqualTo(11);
		assertThat(recording.get("similarCount").asInt()).isEqualTo(10);
		assertThat(recording.get("duplicateCount").asInt()).isZero();
		assertThat(recording.get("pattern").asString()).isEqualTo("/orders/slow");
		assertThat(recording.get("status").asInt()).isEqualTo(200);
		assertThat(recording.get("connectionCount").asInt()).isEqualTo(1);
		assertThat(recording.get("connectionAcquireMs").asDouble()).isPositive();
		JsonNode first = recording.get("queries").get(0);
		assertThat(first.get("rows").asLong()).isEqualTo(50);
		assertThat(first.get("sql").asString()).contains("from orders");
		JsonNode lazy = recording.get("queries").get(1);
		assertThat(lazy.get("fingerprint").asString()).isEqualTo(CUSTOMER_BY_ID);
		assertThat(lazy.get("parameters").get(0).asLong()).isEqualTo(1);
		assertThat(lazy.get("rows").asLong()).isEqualTo(1);
		assertThat(lazy.get("phase").asString()).isEqualTo("handler");
		assertThat(lazy.get("callSite").asString()).startsWith("dev.querylens.demo.shop.OrderRow.of(OrderRow.java:");
		assertThat(lazy.get("dataSource").asString()).isEqualTo("dataSource");
		JsonNode findings = recording.get("findings");
		assertThat(findings).hasSize(1);
		JsonNode nPlusOne = findings.get(0);
		assertThat(nPlusOne.get("type").asString()).isEqualTo("N_PLUS_ONE");
		assertThat(nPlusOne.get("count").asInt()).isEqualTo(10);
		assertThat(nPlusOne.get("association").asString()).isEqualTo("Order.customer");
		assertThat(nPlusOne.get("fingerprint").asString()).isEqualTo(CUSTOMER_BY_ID);
		assertThat(nPlusOne.get("callSite").asString()).startsWith("dev.querylens.demo.shop.OrderRow.of(");
		assertThat(nPlusOne.get("message").asString()).contains("`Order.customer` (a lazy to-one) was loaded 10 times")
			.contains("came from `OrderRepository.findAllByOrderByIdAsc`");
		assertThat(nPlusOne.get("suggestion").asString())
			.contains("`@EntityGraph(attributePaths = \"customer\")` on `OrderRepository.findAllByOrderByIdAsc`")
			.contains("`join fetch o.customer`");
		assertThat(nPlusOne.get("queryIndexes")).hasSize(10);
	}

	@Test
	void orderDetailPageRunsFourQueriesAndNoFinding() throws Exception {
		HttpResponse<String> page = get("/orders/1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"customer\"").contains("class=\"line\"");
		JsonNode recording = recordingOf(page);
		assertThat(recording.get("queryCount").asInt()).isEqualTo(4);
		assertThat(recording.get("pattern").asString()).isEqualTo("/orders/{id:\\d+}");
		assertThat(recording.get("findings")).isEmpty();
		assertThat(get("/orders/100000").statusCode()).isEqualTo(404);
	}

	@Test
	void fastOrdersPageRunsOneQueryAndShowsTheSameRows() throws Exception {
		HttpResponse<String> fast = get("/orders/fast");
		HttpResponse<String> slow = get("/orders/slow");
		assertThat(rows(fast.body(), "customer")).hasSize(50).isEqualTo(rows(slow.body(), "customer"));
		JsonNode recording = recordingOf(fast);
		assertThat(recording.get("queryCount").asInt()).isEqualTo(1);
		assertThat(serverTimingCount(fast)).isEqualTo(1);
		assertThat(recording.get("queries").get(0).get("sql").asString()).contains("join customer");
		assertThat(recording.get("findings")).isEmpty();
		assertThat(recording.get("findingCount").asInt()).isZero();
	}

	@Test
	void slowItemsPageRunsOneQueryPerOrderAndNamesTheCollection() throws Exception {
		HttpResponse<String> page = get("/orders/items/slow");
		JsonNode recording = recordingOf(page);
		assertThat(recording.get("queryCount").asInt()).isEqualTo(51);
		assertThat(recording.get("similarCount").asInt()).isEqualTo(50);
		JsonNode nPlusOne = recording.get("findings").get(0);
		assertThat(nPlusOne.get("type").asString()).isEqualTo("N_PLUS_ONE");
		assertThat(nPlusOne.get("count").asInt()).isEqualTo(50);
		assertThat(nPlusOne.get("association").asString()).isEqualTo("Order.items");
		assertThat(nPlusOne.get("message").asString())
			.contains("`Order.items` (a lazy collection) was loaded 50 times");
		assertThat(nPlusOne.get("suggestion").asString())
			.contains("`@EntityGraph(attributePaths = \"items\")` on `OrderRepository.findAllByOrderByIdAsc`")
			.contains("@BatchSize(size = 64)")
			.contains("64 covers the 50 `Order`s the query loaded, rounded up to a standard size");
	}

	@Test
	void fastItemsPageRunsOneQueryAndShowsTheSameTotals() throws Exception {
		HttpResponse<String> fast = get("/orders/items/fast");
		HttpResponse<String> slow = get("/orders/items/slow");
		assertThat(rows(fast.body(), "total")).hasSize(50).isEqualTo(rows(slow.body(), "total"));
		JsonNode recording = recordingOf(fast);
		assertThat(recording.get("queryCount").asInt()).isEqualTo(1);
		assertThat(recording.get("findings")).isEmpty();
	}

	@Test
	void lazyLoadsWhileTheViewRendersBelongToTheRequestAndAreMarkedAsView() throws Exception {
		HttpResponse<String> page = get("/orders/in-view");
		assertThat(rows(page.body(), "customer")).hasSize(50);
		JsonNode recording = recordingOf(page);
		assertThat(recording.get("queryCount").asInt()).isEqualTo(11);
		assertThat(serverTimingCount(page)).isEqualTo(11);
		JsonNode queries = recording.get("queries");
		assertThat(queries.get(0).get("phase").asString()).isEqualTo("handler");
		for (int i = 1; i <= 10; i++) {
			assertThat(queries.get(i).get("phase").asString()).isEqualTo("view");
			assertThat(queries.get(i).get("callSite").asString()).isEqualTo("view:orders/in-view");
		}
		JsonNode inView = finding(recording, "LAZY_LOAD_IN_VIEW");
		assertThat(inView.get("association").asString()).isEqualTo("Order.customer");
		assertThat(inView.get("count").asInt()).isEqualTo(10);
		assertThat(inView.get("message").asString())
			.startsWith("10 lazy loads of `Order.customer` ran while the view `orders/in-view` rendered")
			.contains("`spring.jpa.open-in-view` is not set and defaults to true");
		assertThat(inView.get("suggestion").asString()).contains("set `spring.jpa.open-in-view=false`")
			.contains("`@EntityGraph(attributePaths = \"customer\")` on `OrderRepository.findAllByOrderByIdAsc`");
		// The N+1 of those loads is the same cause: folded into the view's finding, which
		// takes its severity.
		assertThat(inView.get("severity").asString()).isEqualTo("error");
		assertThat(recording.get("findings")).hasSize(1);
	}

	@Test
	void pagesThatLoadEverythingInTheHandlerHaveNoLazyLoadInTheView() throws Exception {
		for (String path : List.of("/orders/slow", "/orders/fast", "/orders/items/fast")) {
			JsonNode recording = recordingOf(get(path));
			recording.get("queries").forEach((query) -> assertThat(query.get("phase").asString()).isEqualTo("handler"));
			recording.get("findings")
				.forEach((finding) -> assertThat(finding.get("type").asString()).isNotEqualTo("LAZY_LOAD_IN_VIEW"));
		}
	}

	static JsonNode finding(JsonNode recording, String type) {
		for (JsonNode finding : recording.get("findings")) {
			if (finding.get("type").asString().equals(type)) {
				return finding;
			}
		}
		throw new AssertionError("no " + type + " finding in " + recording.get("findings"));
	}

	@Test
	void theEndpointListsRecordingsNewestFirstAndNeverItsOwnRequests() throws Exception {
		String slowId = get("/orders/slow").headers().firstValue("X-QueryLens-Id").orElseThrow();
		String fastId = get("/orders/fast").headers().firstValue("X-QueryLens-Id").orElseThrow();
		get("/actuator/queries");
		JsonNode list = this.json.readTree(get("/actuator/queries").body()).get("recordings");
		List<String> ids = new ArrayList<>();
		list.forEach((summary) -> ids.add(summary.get("id").asString()));
		assertThat(ids).containsSubsequence(fastId, slowId);
		list.forEach((summary) -> assertThat(summary.get("uri").asString()).doesNotStartWith("/actuator"));
		JsonNode fast = list.get(ids.indexOf(fastId));
		assertThat(fast.get("kind").asString()).isEqualTo("http");
		assertThat(fast.get("method").asString()).isEqualTo("GET");
		assertThat(fast.get("uri").asString()).isEqualTo("/orders/fast");
		assertThat(fast.get("pattern").asString()).isEqualTo("/orders/fast");
		assertThat(fast.get("queryCount").asInt()).isEqualTo(1);
		assertThat(fast.has("startedAt")).isTrue();
		assertThat(fast.get("durationMs").asDouble()).isPositive();
		assertThat(fast.has("queries")).isFalse();
		assertThat(list.get(ids.indexOf(slowId)).get("findingCount").asInt()).isEqualTo(1);
	}

	@Test
	void theQueryStringIsKeptApartFromTheUri() throws Exception {
		JsonNode recording = recordingOf(get("/orders/fast?page=2&size=10"));
		assertThat(recording.get("uri").asString()).isEqualTo("/orders/fast");
		assertThat(recording.get("query").asString()).isEqualTo("page=2&size=10");
	}

	@Test
	void anEvictedOrUnknownRecordingIsNotFound() throws Exception {
		assertThat(get("/actuator/queries/no-such-id").statusCode()).isEqualTo(404);
	}

	@Test
	void aRecordedRequestThatIsNotHtmlCarriesTheHeadersToo() throws Exception {
		HttpResponse<String> json = get("/api/orders/fast");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("X-QueryLens-Id")).isPresent();
		assertThat(serverTimingCount(json)).isPositive();
	}

	@Test
	void aStaticFileThatIsNotKeptGetsTimingsButNoIdThatWouldPointNowhere() throws Exception {
		HttpResponse<String> css = get("/demo.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("X-QueryLens-Id")).isEmpty();
		assertThat(serverTimingCount(css)).isZero();
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	JsonNode recordingOf(HttpResponse<String> page) throws IOException, InterruptedException {
		String id = page.headers().firstValue("X-QueryLens-Id").orElseThrow();
		// Stored before the body left: a client holding the response always finds its
		// recording.
		HttpResponse<String> response = get("/actuator/queries/" + id);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	static int serverTimingCount(HttpResponse<String> page) {
		String header = page.headers().firstValue("Server-Timing").orElseThrow();
		Matcher matcher = SERVER_TIMING.matcher(header);
		assertThat(matcher.find()).as("Server-Timing: %s", header).isTrue();
		return Integer.parseInt(matcher.group(3));
	}

	static List<String> rows(String html, String cssClass) {
		Matcher matcher = Pattern.compile("class=\"" + cssClass + "\">([^<]*)<").matcher(html);
		List<String> values = new ArrayList<>();
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

}
