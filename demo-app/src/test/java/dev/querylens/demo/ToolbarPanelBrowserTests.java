package dev.querylens.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel as a Django Debug Toolbar user uses it, in a real headless Chromium over
 * HTTP: every call of the page (the early ones too), the badge adding them up, dense
 * rows, SELECT, and the history switcher.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.toolbar.badge-in-tests=true")
class ToolbarPanelBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void forgetTheBadgesPlace() {
		browser.forgetTheBadgesPlace();
	}

	@AfterEach
	void restoreTheWindow() {
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void theSpaPagesCallsMadeBeforeTheBadgeLoadedAreListedWithTheNPlusOneOnTheSlowOne() {
		browser.open("/spa");
		browser.await((d) -> d.findElements(By.cssSelector("#calls tbody tr")).size() == 2);
		// Both calls started in the page's inline script, before the badge's script:
		// found in Resource Timing.
		WebElement badge = browser.badgeWithText("+2 fetch");
		assertThat(badge.getText()).contains("12 q", "⚠ N+1");
		assertThat(badge.getAttribute("class")).contains("ql-warn");
		SearchContext panel = browser.openPanel();
		List<WebElement> calls = browser.await((d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-req[data-kind=fetch]"));
			return (found.size() == 2 && found.get(1).getText().contains(" q")) ? found : null;
		});
		assertThat(calls).extracting(WebElement::getText)
			.anyMatch((text) -> text.contains("GET /api/orders/slow") && text.contains("11 q") && text.contains("⚠"))
			.anyMatch((text) -> text.contains("GET /api/orders/fast") && text.contains("1 q") && !text.contains("⚠"));
		calls.stream().filter((call) -> call.getText().contains("/api/orders/slow")).findFirst().orElseThrow().click();
		browser.await((d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/api/orders/slow"));
		assertThat(panel.findElement(By.cssSelector(".ql-finding")).getText()).contains("N+1", "Order.customer");
		browser.screenshot("panel-spa");
	}

	@Test
	void statementsAreDenseRowsThatOpenOnAClick() {
		browser.open("/orders/items/slow");
		SearchContext panel = browser.openPanel();
		browser.screenshot("panel-dense");
		int wide = rowsOnScreen(panel);
		browser.screenshot("panel-dense-rows");
		List<WebElement> rows = panel.findElements(By.cssSelector(".ql-queries > .ql-query"));
		assertThat(rows).hasSizeGreaterThan(40);
		WebElement second = rows.get(1);
		assertThat(second.findElement(By.cssSelector(".ql-row")).getText()).contains("#2", "%", " ms", "similar ×",
				"from");
		assertThat(second.findElements(By.cssSelector(".ql-detail"))).isEmpty();
		browser.js("arguments[0].scrollIntoView({block: 'center'});", second);
		second.findElement(By.cssSelector(".ql-row")).click();
		assertThat(second.findElement(By.cssSelector(".ql-detail .ql-sql")).getText()).contains("\nfrom ");
		second.findElement(By.cssSelector(".ql-row")).click();
		assertThat(second.findElement(By.cssSelector(".ql-detail")).isDisplayed()).isFalse();
		browser.driver().manage().window().setSize(new Dimension(1024, 640));
		browser.open("/orders/items/slow");
		int small = rowsOnScreen(browser.openPanel());
		browser.screenshot("panel-dense-1024");
		System.out.println("QueryLens rows per screen: " + wide + " at 1280x900, " + small + " at 1024x640");
		// One statement took about 200 px before: three or four at 1280x900, one at
		// 1024x640.
		assertThat(wide).isGreaterThanOrEqualTo(15);
		assertThat(small).isGreaterThanOrEqualTo(10);
	}

	@Test
	void theStatementsOfEachTransactionShareABarOfItsColourAndAutoCommitStatementsHaveNone() {
		browser.open("/orders/1/visit");
		SearchContext panel = browser.openPanel();
		List<WebElement> rows = panel.findElements(By.cssSelector(".ql-queries > .ql-query"));
		List<String> transactions = rows.stream().map((row) -> row.getAttribute("data-transaction")).toList();
		List<String> sql = rows.stream().map((row) -> row.findElement(By.cssSelector(".ql-line")).getText()).toList();
		// A count in auto-commit, the order read in a read-only transaction (the order,
		// its customer, its items, the customer's order count), the view saved in a
		// read-write one (the sequence, then the insert at commit), the views counted
		// in auto-commit.
		assertThat(transactions).containsExactly(null, "1", "1", "1", "1", "2", "2", null);
		assertThat(sql.get(0)).contains("count(*) from orders");
		assertThat(sql.get(6)).startsWith("insert into order_visit");
		assertThat(sql.get(7)).contains("from order_visit where");
		assertThat(rows.get(0).findElements(By.cssSelector(".ql-txbar"))).isEmpty();
		assertThat(rows.get(7).findElements(By.cssSelector(".ql-txbar"))).isEmpty();
		List<String> colours = rows.subList(1, 7)
			.stream()
			.map((row) -> row.findElement(By.cssSelector(".ql-txbar")).getCssValue("background-color"))
			.toList();
		assertThat(colours.subList(0, 4)).containsOnly(colours.get(0));
		assertThat(colours.subList(4, 6)).containsOnly(colours.get(4));
		assertThat(colours.get(4)).isNotEqualTo(colours.get(0));
		assertThat(bar(rows.get(1)).getAttribute("class")).contains("ql-tx-start").doesNotContain("ql-tx-end");
		assertThat(bar(rows.get(4)).getAttribute("class")).contains("ql-tx-end").doesNotContain("ql-tx-start");
		assertThat(bar(rows.get(1)).getAttribute("title"))
			.startsWith(
					"Transaction 1, begun by dev.querylens.demo.shop.OrderService.detail(OrderService.java): read-only,"
							+ " committed, ")
			.contains("connection held ");
		assertThat(bar(rows.get(6)).getAttribute("title"))
			.startsWith("Transaction 2, begun by dev.querylens.demo.shop.VisitLog.record(VisitLog.java): read-write,"
					+ " committed, ");
		// Flushed at commit: only the insert Hibernate left until the commit.
		List<Boolean> atCommit = rows.stream()
			.map((row) -> !row.findElements(By.cssSelector(".ql-pill-commit")).isEmpty())
			.toList();
		assertThat(atCommit).containsExactly(false, false, false, false, false, false, true, false);
		assertThat(rows.get(6).findElement(By.cssSelector(".ql-site")).getText()).isEqualTo("VisitLog.record");
		List<WebElement> legend = panel.findElements(By.cssSelector(".ql-tx-legend .ql-tx-entry"));
		assertThat(legend).extracting(WebElement::getText)
			.satisfiesExactly(
					(first) -> assertThat(first).contains("OrderService.detail", "read-only", "committed",
							"connection held", "4 statements"),
					(second) -> assertThat(second).contains("VisitLog.record", "read-write", "committed",
							"2 statements"));
		assertThat(legend.get(1).findElement(By.cssSelector(".ql-tx-swatch")).getCssValue("background-color"))
			.isEqualTo(colours.get(4));
		assertThat(panel.findElement(By.cssSelector(".ql-tx-legend")).getText()).contains("no bar: auto-commit (2)");
		browser.screenshot("panel-transactions");
		browser.js("arguments[0].scrollIntoView({block: 'center'});", rows.get(6));
		rows.get(6).findElement(By.cssSelector(".ql-row")).click();
		assertThat(rows.get(6).findElement(By.cssSelector(".ql-tx-detail")).getText()).contains("Transaction 2",
				"run at commit");
		browser.screenshot("panel-transactions-open");
	}

	@Test
	void selectShowsTheFirstRowsAndAWriteIsRefused() {
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		WebElement lazy = panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(1);
		lazy.findElement(By.cssSelector(".ql-row")).click();
		WebElement select = lazy.findElement(By.cssSelector(".ql-select"));
		browser.js("arguments[0].scrollIntoView({block: 'center'});", select);
		select.click();
		WebElement table = browser.await((d) -> {
			List<WebElement> found = lazy.findElements(By.cssSelector(".ql-select-rows"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(table.getText()).containsIgnoringCase("name").contains("Customer 1");
		assertThat(lazy.findElement(By.cssSelector(".ql-plan")).getText()).contains("1 row", "read-only");
		browser.screenshot("panel-select");
		// The batch-insert lesson's slow variant inserts its rows one by one (and deletes
		// them again): an insert of
		// its recording may never run again.
		int movements = this.jdbc.queryForObject("select count(*) from stock_movement", Integer.class);
		Map<String, Object> answer = browser.jsAsync("""
				const done = arguments[arguments.length - 1];
				(async () => {
				  const page = await fetch('/lessons/batch-inserts/slow');
				  const id = page.headers.get('X-QueryLens-Id');
				  // A JSON body streams: its recording is stored before the response ends, as the toolbar waits for.
				  await page.text();
				  const recording = await (await fetch('/querylens/api/recordings/' + id)).json();
				  const insert = recording.queries.find((q) => /^\\s*insert/i.test(q.sql));
				  if (!insert) {
				    return { status: 0, id: id };
				  }
				  const response = await fetch('/querylens/api/recordings/' + id + '/queries/' + insert.index
				      + '/select', { method: 'POST', headers: { 'X-QueryLens-Request': 'select' } });
				  return { status: response.status, body: await response.json(), sql: insert.sql };
				})().then(done, (e) => done({ status: -1, error: String(e) }));""");
		assertThat(((Number) answer.get("status")).intValue()).as("%s", answer).isEqualTo(400);
		assertThat(answer.get("body").toString()).contains("Only a single SELECT");
		assertThat(answer.get("sql").toString()).startsWithIgnoringCase("insert into stock_movement");
		assertThat(this.jdbc.queryForObject("select count(*) from stock_movement", Integer.class)).isEqualTo(movements);
	}

	@Test
	void theHistorySwitcherOpensAnOlderRequestWithoutLeavingThePage() {
		browser.open("/orders/fast");
		browser.badgeWithText("1 q");
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		WebElement history = browser.await((d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector("details.ql-history"));
			return found.isEmpty() ? null : found.get(0);
		});
		history.findElement(By.cssSelector("summary")).click();
		WebElement older = history.findElements(By.cssSelector(".ql-req[data-kind=history]"))
			.stream()
			.filter((item) -> item.getText().startsWith("GET /orders/fast"))
			.findFirst()
			.orElseThrow();
		older.click();
		browser.await((d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/orders/fast"));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/orders/slow");
		assertThat(panel.findElement(By.cssSelector(".ql-summary")).getText()).contains("1 statement");
		browser.screenshot("panel-history");
		panel.findElement(By.cssSelector(".ql-req[data-kind=page]")).click();
		browser.await((d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/orders/slow"));
	}

	@Test
	void aPageWithoutStatementsOpensASmallPanel() {
		browser.open("/");
		SearchContext panel = browser.openPanel();
		assertThat(panel.findElement(By.cssSelector(".ql-empty")).getText()).contains("No statements");
		assertThat(panel.findElement(By.cssSelector(".ql-panel")).getRect().getHeight()).isLessThan(300);
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("/querylens", "badge");
	}

	@Test
	void theToolbarsModulesAreCachedWithAnETag() throws Exception {
		for (String file : List.of("toolbar.js", "panel.js", "badge.js", "requests.js", "sql.js", "toolbar.css",
				"dashboard.js", "dashboard.css")) {
			URI uri = browser.uri("/querylens/static/" + file);
			HttpResponse<String> first = browser.get("/querylens/static/" + file);
			assertThat(first.statusCode()).isEqualTo(200);
			String etag = first.headers().firstValue("ETag").orElseThrow();
			assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
			HttpResponse<String> again = browser
				.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build());
			assertThat(again.statusCode()).as(file).isEqualTo(304);
			assertThat(again.body()).isEmpty();
		}
	}

	// Rows whose whole height shows at once in the panel scrolled to its statements,
	// below its sticky head.
	private static int rowsOnScreen(SearchContext panel) {
		WebElement sheet = panel.findElement(By.cssSelector(".ql-panel"));
		Number count = browser.js("""
				const sheet = arguments[0];
				const head = sheet.querySelector('.ql-head').getBoundingClientRect();
				const list = sheet.querySelector('.ql-queries');
				sheet.scrollTop += list.getBoundingClientRect().top - head.bottom;
				const top = sheet.querySelector('.ql-head').getBoundingClientRect().bottom;
				const bottom = Math.min(sheet.getBoundingClientRect().bottom, window.innerHeight);
				return [...list.querySelectorAll('.ql-query')].filter((row) => {
				  const r = row.getBoundingClientRect();
				  return r.top >= top - 1 && r.bottom <= bottom + 1;
				}).length;""", sheet);
		return count.intValue();
	}

	private static WebElement bar(WebElement row) {
		return row.findElement(By.cssSelector(".ql-txbar"));
	}

}
