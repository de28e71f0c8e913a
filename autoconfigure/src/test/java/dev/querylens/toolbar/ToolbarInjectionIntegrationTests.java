package dev.querylens.toolbar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The badge goes into a complete HTML 200 page for a loopback client, just before the
 * last {@code </body>}, and every other response leaves QueryLens byte for byte as the
 * application wrote it. Over real HTTP.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:toolbar-injection;DB_CLOSE_DELAY=-1",
				"querylens.toolbar.badge-in-tests=true" })
class ToolbarInjectionIntegrationTests {

	private static final byte[] PAGE = ToolbarTestApplication.PAGE.getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	private int port;

	@Test
	void theBadgeGoesJustBeforeTheLastBodyEndTag() throws Exception {
		HttpResponse<byte[]> response = get("/page");
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		String body = new String(response.body(), StandardCharsets.UTF_8);
		String script = "<script type=\"module\" src=\"/querylens/static/toolbar.js\" data-querylens-id=\"" + id
				+ "\" data-querylens-base=\"/querylens\"></script>";
		assertThat(body)
			.isEqualTo(ToolbarTestApplication.PAGE.replace("<p>café</p></body>", "<p>café</p>" + script + "</body>"));
		assertThat(body).contains("<!-- </body> -->");
	}

	@Test
	void anInjectedPageCarriesTheRightContentLength() throws Exception {
		HttpResponse<byte[]> response = get("/sized");
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("toolbar.js");
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
		assertThat(response.body().length).isGreaterThan(PAGE.length);
	}

	@Test
	void aPageWrittenAndFlushedThroughTheWriterStillGetsTheBadge() throws Exception {
		assertThat(new String(get("/written").body(), StandardCharsets.UTF_8)).contains("toolbar.js");
	}

	@Test
	void jsonIsUntouched() throws Exception {
		HttpResponse<byte[]> response = get("/json");
		assertThat(response.body()).isEqualTo(ToolbarTestApplication.JSON.getBytes(StandardCharsets.UTF_8));
		assertThat(response.headers().firstValue("X-QueryLens-Id")).isPresent();
	}

	@Test
	void anErrorPageIsUntouched() throws Exception {
		HttpResponse<byte[]> response = get("/failed");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(PAGE);
	}

	@Test
	void aStatusOtherThan200IsUntouched() throws Exception {
		assertThat(get("/created").body()).isEqualTo(PAGE);
	}

	@Test
	void aCompressedPageIsUntouched() throws Exception {
		HttpResponse<byte[]> response = get("/gzip");
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(response.body()).isEqualTo(ToolbarTestApplication.gzipped());
	}

	@Test
	void aDownloadIsUntouched() throws Exception {
		assertThat(get("/attachment").body()).isEqualTo(PAGE);
	}

	@Test
	void aPageTheApplicationStreamedIsUntouched() throws Exception {
		assertThat(get("/streamed").body()).isEqualTo(PAGE);
	}

	@Test
	void aPageInAnEncodingThatIsNotAsciiCompatibleIsUntouched() throws Exception {
		assertThat(get("/utf16").body()).isEqualTo(ToolbarTestApplication.PAGE.getBytes(StandardCharsets.UTF_16));
	}

	@Test
	void underAPolicyWithANonceTheScriptCarriesTheNonce() throws Exception {
		assertThat(new String(get("/nonce").body(), StandardCharsets.UTF_8)).containsPattern(
				"<script type=\"module\" src=\"/querylens/static/toolbar.js\" [^>]* nonce=\"r4nd0m\"></script></body>");
	}

	@Test
	void underAPolicyThatAllowsTheSameOriginTheScriptIsInjected() throws Exception {
		assertThat(new String(get("/self").body(), StandardCharsets.UTF_8)).contains("/querylens/static/toolbar.js");
	}

	@Test
	void underAStrictPolicyWithoutANonceTheBadgeDegradesToALink() throws Exception {
		HttpResponse<byte[]> response = get("/strict");
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("<script")
			.contains("<a href=\"/querylens/recordings/" + id + "\">QueryLens: 0 queries</a></p></body>");
	}

	@Test
	void theDashboardAndItsFilesAreServedAndNeverRecorded() throws Exception {
		HttpResponse<byte[]> dashboard = get("/querylens");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(dashboard.headers().firstValue("X-QueryLens-Id")).isEmpty();
		HttpResponse<byte[]> script = get("/querylens/static/toolbar.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(get("/querylens/static/../application.properties").statusCode()).isEqualTo(404);
		assertThat(get("/querylens/static/nothing.js").statusCode()).isEqualTo(404);
	}

	@Test
	void pathsThatClimbOutOfTheStaticFilesOrHideASlashFindNothingOverRealHttp() throws Exception {
		// Tomcat itself answers 400 to some of these before any filter runs; none reaches
		// a file or a page.
		for (String path : new String[] { "/querylens/static/../application.properties",
				"/querylens/static/..%2Fapplication.properties", "/querylens/static/%2e%2e/application.properties",
				"/querylens/static/%2e%2e%2fapplication.properties", "/querylens/recordings/a%2Fb",
				"/querylens/recordings/" + "a".repeat(2_000), "/querylens/static/toolbar.js/",
				"/querylens/api/recordings/" }) {
			RawHttp.Exchange exchange = RawHttp.send(this.port, "GET", path);
			assertThat(exchange.status()).as(path).isIn(400, 404);
			assertThat(exchange.body()).as(path).doesNotContain("import ").doesNotContain("QueryLens ·");
		}
	}

	@Test
	void theRecordingApiShowsParameterValuesAsJsonText() throws Exception {
		String id = get("/page").headers().firstValue("X-QueryLens-Id").orElseThrow();
		String json = new String(get("/querylens/api/recordings/" + id).body(), StandardCharsets.UTF_8);
		assertThat(json).contains("\"parameters\":[\"\\u003cimg src=x onerror=alert(1)\\u003e\"]")
			.contains("\"queryCount\":1")
			.doesNotContain("<img");
		assertThat(get("/querylens/api/recordings/no-such-id").statusCode()).isEqualTo(404);
	}

	@Test
	void explainNeedsTheToolbarsHeaderAndOnlyExplainsASelect() throws Exception {
		String page = get("/page").headers().firstValue("X-QueryLens-Id").orElseThrow();
		String explainUrl = "/querylens/api/recordings/" + page + "/queries/0/explain";
		assertThat(post(explainUrl, false).statusCode()).isEqualTo(403);
		HttpResponse<byte[]> plan = post(explainUrl, true);
		assertThat(plan.statusCode()).isEqualTo(200);
		assertThat(new String(plan.body(), StandardCharsets.UTF_8)).contains("\"database\":\"H2\"")
			.contains("EXPLAIN select count(*)");
		String update = get("/update").headers().firstValue("X-QueryLens-Id").orElseThrow();
		HttpResponse<byte[]> refused = post("/querylens/api/recordings/" + update + "/queries/1/explain", true);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("Only a single SELECT");
		assertThat(get(explainUrl).statusCode()).isEqualTo(405);
	}

	@Test
	void clearingTheHistoryNeedsTheToolbarsHeader() throws Exception {
		get("/page");
		HttpRequest.Builder delete = HttpRequest.newBuilder(uri("/querylens/api/recordings")).DELETE();
		assertThat(send(delete.build()).statusCode()).isEqualTo(403);
		assertThat(new String(get("/querylens/api/recordings").body(), StandardCharsets.UTF_8)).contains("\"id\"");
		assertThat(send(delete.header("X-QueryLens-Request", "clear").build()).statusCode()).isEqualTo(204);
		assertThat(new String(get("/querylens/api/recordings").body(), StandardCharsets.UTF_8))
			.isEqualTo("{\"recordings\":[]}");
	}

	@Test
	void theEndpointsViewGivesEachPatternsRequestsAndStatementsMinMedianMax() throws Exception {
		for (int n : new int[] { 5, 1, 9, 2 }) {
			get("/count/" + n);
		}
		String html = new String(get("/querylens/endpoints").body(), StandardCharsets.UTF_8);
		assertThat(html.replaceAll("\\s+", " "))
			.contains("GET /count/{n}</a></td> <td class=\"ql-num\">4</td> <td class=\"ql-num ql-min\">1</td> "
					+ "<td class=\"ql-num ql-median\">3.5</td> <td class=\"ql-num ql-max\">9</td>");
		get("/count/7");
		html = new String(get("/querylens/endpoints").body(), StandardCharsets.UTF_8);
		assertThat(html).contains("<td class=\"ql-num ql-median\">5</td>");
	}

	@Test
	void theRequestsPageFiltersOnTheServer() throws Exception {
		get("/count/3");
		get("/json");
		String all = new String(get("/querylens").body(), StandardCharsets.UTF_8);
		assertThat(all).contains("/count/3").contains("/json");
		String filtered = new String(get("/querylens?min=3&uri=COUNT").body(), StandardCharsets.UTF_8);
		assertThat(filtered).contains("/count/3").doesNotContain(">/json<");
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).build());
	}

	private HttpResponse<byte[]> post(String path, boolean withHeader) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
		if (withHeader) {
			request.header("X-QueryLens-Request", "explain");
		}
		return send(request.build());
	}

	private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
