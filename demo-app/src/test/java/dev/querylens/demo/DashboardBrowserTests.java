package dev.querylens.demo;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at {@code /querylens}: the history, its filters and sorting, the detail
 * view with EXPLAIN, the endpoints view and clearing, in a real headless Chromium over
 * HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.toolbar.badge-in-tests=true")
class DashboardBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@BeforeEach
	void recordFourRequests() throws Exception {
		HttpResponse<String> cleared = browser.send(HttpRequest.newBuilder(browser.uri("/querylens/api/recordings"))
			.DELETE()
			.header("X-QueryLens-Request", "test")
			.build());
		assertThat(cleared.statusCode()).isEqualTo(204);
		for (String path : List.of("/orders/slow", "/orders/fast", "/orders/items/slow", "/orders/fast?page=2")) {
			assertThat(browser.get(path).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void theHistoryListsTheRequestsNewestFirst() {
		browser.open("/querylens");
		assertThat(column("ql-uri")).containsExactly("/orders/fast?page=2", "/orders/items/slow", "/orders/fast",
				"/orders/slow");
		assertThat(column("ql-count")).containsExactly("1", "51", "1", "11");
		WebElement slow = rows().get(3);
		assertThat(slow.getText()).contains("GET", "/orders/slow", "200", "N+1");
		browser.screenshot("dashboard");
	}

	@Test
	void theHistoryFiltersByFindingsUriTextAndMinimumStatements() {
		browser.open("/querylens");
		browser.driver().findElement(By.id("filter-findings")).click();
		browser.await((d) -> d.getCurrentUrl().contains("findings=on"));
		assertThat(column("ql-uri")).containsExactly("/orders/items/slow", "/orders/slow");
		browser.open("/querylens");
		browser.driver().findElement(By.id("filter-uri")).sendKeys("ITEMS");
		browser.driver().findElement(By.id("apply")).click();
		browser.await((d) -> d.getCurrentUrl().contains("uri=ITEMS"));
		assertThat(column("ql-uri")).containsExactly("/orders/items/slow");
		browser.open("/querylens");
		browser.driver().findElement(By.id("filter-min")).sendKeys("11");
		browser.driver().findElement(By.id("apply")).click();
		browser.await((d) -> d.getCurrentUrl().contains("min=11"));
		assertThat(column("ql-uri")).containsExactly("/orders/items/slow", "/orders/slow");
		assertThat(browser.driver().findElement(By.id("filters")).getText()).containsPattern("2 of \\d+ recordings");
	}

	@Test
	void theHistorySortsByStatements() {
		browser.open("/querylens");
		browser.driver().findElement(By.id("sort-queries")).click();
		browser.await((d) -> d.getCurrentUrl().contains("sort=queries"));
		assertThat(column("ql-count")).containsExactly("51", "11", "1", "1");
		browser.open("/querylens?sort=time&min=2");
		assertThat(column("ql-count")).hasSize(2);
	}

	@Test
	void aRowOpensTheDetailWithTheSameViewAsThePanelAndExplainShowsAPlan() {
		browser.open("/querylens");
		browser.driver().findElement(By.linkText("/orders/slow")).click();
		SearchContext detail = browser.shadowOf("querylens-detail");
		WebElement summary = browser.await((d) -> {
			List<WebElement> found = detail.findElements(By.cssSelector(".ql-summary"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(summary.getText()).contains("11 statements", "10 similar");
		assertThat(detail.findElement(By.cssSelector(".ql-finding")).getText()).contains("Order.customer");
		assertThat(detail.findElements(By.cssSelector(".ql-queries > .ql-query"))).hasSize(11);
		WebElement first = detail.findElements(By.cssSelector(".ql-queries > .ql-query")).get(0);
		first.findElement(By.cssSelector(".ql-row")).click();
		first.findElement(By.cssSelector(".ql-explain")).click();
		WebElement plan = browser.await((d) -> {
			List<WebElement> found = first.findElements(By.cssSelector(".ql-plan-text"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(plan.getText()).contains("\"PUBLIC\".\"ORDERS\"");
		assertThat(first.findElement(By.cssSelector(".ql-plan")).getText()).contains("H2: EXPLAIN");
		browser.screenshot("dashboard-detail-explain");
	}

	@Test
	void anEvictedRecordingSaysSo() {
		browser.open("/querylens/recordings/no-such-id");
		assertThat(browser.driver().findElement(By.id("not-available")).getText()).contains("no longer available");
	}

	@Test
	void theEndpointsViewGroupsByPatternWithMinMedianMax() throws Exception {
		browser.get("/orders/fast");
		browser.open("/querylens");
		browser.driver().findElement(By.id("tab-endpoints")).click();
		browser.await((d) -> d.getCurrentUrl().endsWith("/querylens/endpoints"));
		List<WebElement> rows = rows();
		assertThat(rows).extracting((row) -> row.findElement(By.cssSelector(".ql-uri")).getText())
			.containsExactly("GET /orders/items/slow", "GET /orders/slow", "GET /orders/fast");
		WebElement fast = rows.get(2);
		assertThat(cells(fast)).containsExactly("GET /orders/fast", "3", "1", "1", "1");
		assertThat(cells(rows.get(0))).containsExactly("GET /orders/items/slow", "1", "51", "51", "51");
		assertThat(rows.get(1).getText()).contains("⚠ N+1 in 1 of 1");
		browser.screenshot("dashboard-endpoints");
		fast.findElement(By.cssSelector(".ql-uri a")).click();
		browser.await((d) -> d.getCurrentUrl().contains("uri="));
		assertThat(column("ql-uri")).containsExactly("/orders/fast", "/orders/fast?page=2", "/orders/fast");
	}

	@Test
	void theClearButtonEmptiesTheHistory() {
		browser.open("/querylens");
		assertThat(rows()).hasSize(4);
		browser.driver().findElement(By.id("clear")).click();
		browser.await((d) -> !d.findElements(By.cssSelector("#recordings .ql-empty")).isEmpty());
		assertThat(browser.driver().findElements(By.cssSelector("#recordings .ql-row"))).isEmpty();
	}

	// The browser asks for /favicon.ico by itself: a real request of the app, recorded
	// like any other.
	private List<WebElement> rows() {
		return browser.driver()
			.findElements(By.cssSelector(".ql-table tbody .ql-row"))
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

}
