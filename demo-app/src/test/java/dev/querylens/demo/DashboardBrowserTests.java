package dev.querylens.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at {@code /querylens}: the history, its filters and sorting, the detail
 * view with EXPLAIN, the endpoints view and clearing, in a real headless Chromium over
 * HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.toolbar.badge-in-tests=true")
class DashboardBrowserTests {

	private static WebDriver driver;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		driver = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@BeforeEach
	void recordFourRequests() throws Exception {
		HttpResponse<String> cleared = this.http.send(HttpRequest.newBuilder(uri("/querylens/api/recordings"))
			.DELETE()
			.header("X-QueryLens-Request", "test")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cleared.statusCode()).isEqualTo(204);
		for (String path : List.of("/orders/slow", "/orders/fast", "/orders/items/slow", "/orders/fast?page=2")) {
			assertThat(get(path).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void theHistoryListsTheRequestsNewestFirst() {
		driver.get(url("/querylens"));
		assertThat(column("ql-uri")).containsExactly("/orders/fast?page=2", "/orders/items/slow", "/orders/fast",
				"/orders/slow");
		assertThat(column("ql-count")).containsExactly("1", "51", "1", "11");
		WebElement slow = rows().get(3);
		assertThat(slow.getText()).contains("GET", "/orders/slow", "200", "N+1");
		Browser.screenshot(driver, "dashboard");
	}

	@Test
	void theHistoryFiltersByFindingsUriTextAndMinimumStatements() {
		driver.get(url("/querylens"));
		driver.findElement(By.id("filter-findings")).click();
		Browser.await(driver, (d) -> d.getCurrentUrl().contains("findings=on"));
		assertThat(column("ql-uri")).containsExactly("/orders/items/slow", "/orders/slow");
		driver.get(url("/querylens"));
		driver.findElement(By.id("filter-uri")).sendKeys("ITEMS");
		driver.findElement(By.id("apply")).click();
		Browser.await(driver, (d) -> d.getCurrentUrl().contains("uri=ITEMS"));
		assertThat(column("ql-uri")).containsExactly("/orders/items/slow");
		driver.get(url("/querylens"));
		driver.findElement(By.id("filter-min")).sendKeys("11");
		driver.findElement(By.id("apply")).click();
		Browser.await(driver, (d) -> d.getCurrentUrl().contains("min=11"));
		assertThat(column("ql-uri")).containsExactly("/orders/items/slow", "/orders/slow");
		assertThat(driver.findElement(By.id("filters")).getText()).containsPattern("2 of \\d+ recordings");
	}

	@Test
	void theHistorySortsByStatements() {
		driver.get(url("/querylens"));
		driver.findElement(By.id("sort-queries")).click();
		Browser.await(driver, (d) -> d.getCurrentUrl().contains("sort=queries"));
		assertThat(column("ql-count")).containsExactly("51", "11", "1", "1");
		driver.get(url("/querylens?sort=time&min=2"));
		assertThat(column("ql-count")).hasSize(2);
	}

	@Test
	void aRowOpensTheDetailWithTheSameViewAsThePanelAndExplainShowsAPlan() {
		driver.get(url("/querylens"));
		driver.findElement(By.linkText("/orders/slow")).click();
		SearchContext detail = Browser.shadowOf(driver, "querylens-detail");
		WebElement summary = Browser.await(driver, (d) -> {
			List<WebElement> found = detail.findElements(By.cssSelector(".ql-summary"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(summary.getText()).contains("11 statements", "10 similar");
		assertThat(detail.findElement(By.cssSelector(".ql-finding")).getText()).contains("Order.customer");
		assertThat(detail.findElements(By.cssSelector(".ql-queries > .ql-query"))).hasSize(11);
		WebElement first = detail.findElements(By.cssSelector(".ql-queries > .ql-query")).get(0);
		first.findElement(By.cssSelector(".ql-row")).click();
		first.findElement(By.cssSelector(".ql-explain")).click();
		WebElement plan = Browser.await(driver, (d) -> {
			List<WebElement> found = first.findElements(By.cssSelector(".ql-plan-text"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(plan.getText()).contains("\"PUBLIC\".\"ORDERS\"");
		assertThat(first.findElement(By.cssSelector(".ql-plan")).getText()).contains("H2: EXPLAIN");
		Browser.screenshot(driver, "dashboard-detail-explain");
	}

	@Test
	void anEvictedRecordingSaysSo() {
		driver.get(url("/querylens/recordings/no-such-id"));
		assertThat(driver.findElement(By.id("not-available")).getText()).contains("no longer available");
	}

	@Test
	void theEndpointsViewGroupsByPatternWithMinMedianMax() throws Exception {
		get("/orders/fast");
		driver.get(url("/querylens"));
		driver.findElement(By.id("tab-endpoints")).click();
		Browser.await(driver, (d) -> d.getCurrentUrl().endsWith("/querylens/endpoints"));
		List<WebElement> rows = rows();
		assertThat(rows).extracting((row) -> row.findElement(By.cssSelector(".ql-uri")).getText())
			.containsExactly("GET /orders/items/slow", "GET /orders/slow", "GET /orders/fast");
		WebElement fast = rows.get(2);
		assertThat(cells(fast)).containsExactly("GET /orders/fast", "3", "1", "1", "1");
		assertThat(cells(rows.get(0))).containsExactly("GET /orders/items/slow", "1", "51", "51", "51");
		assertThat(rows.get(1).getText()).contains("⚠ N+1 in 1 of 1");
		Browser.screenshot(driver, "dashboard-endpoints");
		fast.findElement(By.cssSelector(".ql-uri a")).click();
		Browser.await(driver, (d) -> d.getCurrentUrl().contains("uri="));
		assertThat(column("ql-uri")).containsExactly("/orders/fast", "/orders/fast?page=2", "/orders/fast");
	}

	@Test
	void theClearButtonEmptiesTheHistory() {
		driver.get(url("/querylens"));
		assertThat(rows()).hasSize(4);
		driver.findElement(By.id("clear")).click();
		Browser.await(driver, (d) -> !d.findElements(By.cssSelector("#recordings .ql-empty")).isEmpty());
		assertThat(driver.findElements(By.cssSelector("#recordings .ql-row"))).isEmpty();
	}

	// The browser asks for /favicon.ico by itself: a real request of the app, recorded
	// like any other.
	private List<WebElement> rows() {
		return driver.findElements(By.cssSelector(".ql-table tbody .ql-row"))
			.stream()
			.filter((row) -> !row.getText().contains("favicon.ico"))
			.toList();
	}

	private List<String> column(String cssClass) {
		return rows().stream().map((row) -> row.findElement(By.cssSelector("." + cssClass)).getText()).toList();
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().limit(5).map(WebElement::getText).toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
