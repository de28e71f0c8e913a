package dev.querylens.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The badge and the panel on the demo's pages, in a real headless Chromium over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.toolbar.badge-in-tests=true")
class ToolbarBrowserTests {

	private static WebDriver driver;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

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
	void forgetTheBadgesPlace() {
		driver.get(url("/demo.css"));
		js("sessionStorage.clear(); localStorage.clear();");
	}

	@Test
	void theBadgeShowsTheCountTimeAndTheNPlusOne() {
		driver.get(url("/orders/slow"));
		WebElement badge = badgeWithText("11 q");
		assertThat(badge.getText()).matches("◎\\s*11 q · [0-9.]+ ms · ⚠ N\\+1[\\s\\S]*");
		assertThat(badge.getAttribute("class")).contains("ql-warn");
		Browser.screenshot(driver, "badge");
		driver.get(url("/orders/fast"));
		assertThat(badgeWithText("1 q").getText()).doesNotContain("N+1");
	}

	@Test
	void clickingTheBadgeOpensThePanelWithTheFindingsFirst() {
		driver.get(url("/orders/slow"));
		SearchContext panel = openPanel();
		String summary = panel.findElement(By.cssSelector(".ql-summary")).getText();
		assertThat(summary).contains("11 statements", "0 duplicates", "10 similar", "DB time", "request",
				"1 connection (");
		assertThat(summary).containsPattern("1 connection \\(\\d+\\.\\d\\d ms to get\\)");
		List<WebElement> sections = panel.findElements(By.cssSelector(".ql-findings, .ql-queries"));
		assertThat(sections.get(0).getAttribute("class")).isEqualTo("ql-findings");
		WebElement finding = panel.findElement(By.cssSelector(".ql-finding"));
		assertThat(finding.getText()).contains("N+1", "Order.customer", "dev.querylens.demo.shop.OrderRow.of(", "Fix:",
				"join fetch");
		List<WebElement> statements = panel.findElements(By.cssSelector(".ql-queries > .ql-query"));
		assertThat(statements).hasSize(11);
		WebElement lazy = expand(statements.get(1));
		assertThat(lazy.findElement(By.cssSelector(".ql-sql")).getText())
			.isEqualTo("select c1_0.id,c1_0.city,c1_0.name\nfrom customer c1_0\nwhere c1_0.id=?");
		assertThat(lazy.findElements(By.cssSelector(".ql-sql .ql-kw"))).extracting(WebElement::getText)
			.containsExactly("select", "from", "where");
		assertThat(lazy.findElement(By.cssSelector(".ql-params")).getText()).contains("1");
		assertThat(lazy.getText()).contains("similar ×10", "1 row", "OrderRow.of(OrderRow.java:");
		assertThat(lazy.findElement(By.cssSelector(".ql-wf")).getAttribute("style")).contains("left", "width");
		Browser.screenshot(driver, "panel");
	}

	@Test
	void eachStatementsCallPathIsFoldedAndOpensToItsApplicationFrames() {
		driver.get(url("/orders/slow"));
		SearchContext panel = openPanel();
		WebElement lazy = expand(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(1));
		WebElement path = lazy.findElement(By.cssSelector("details.ql-callpath"));
		assertThat(path.getAttribute("open")).isNull();
		List<WebElement> frames = path.findElements(By.cssSelector("li"));
		assertThat(frames.get(0).isDisplayed()).isFalse();
		WebElement summary = path.findElement(By.cssSelector("summary"));
		assertThat(summary.getText()).isEqualTo("Call path (" + frames.size() + " application frames)");
		js("arguments[0].scrollIntoView({block: 'center'});", summary);
		summary.click();
		assertThat(path.getAttribute("open")).isNotNull();
		assertThat(frames).allMatch(WebElement::isDisplayed)
			.extracting(WebElement::getText)
			.allMatch((frame) -> frame.startsWith("dev.querylens.demo."));
		assertThat(frames.get(0).getText())
			.isEqualTo(lazy.findElement(By.cssSelector(".ql-meta .ql-callsite")).getText())
			.startsWith("dev.querylens.demo.shop.OrderRow.of(OrderRow.java:");
		assertThat(frames.get(frames.size() - 1).getText())
			.startsWith("dev.querylens.demo.shop.OrderController.ordersSlow(OrderController.java:");
		Browser.screenshot(driver, "panel-call-path");
	}

	@Test
	void theFindingsLinkHighlightsItsStatements() {
		driver.get(url("/orders/slow"));
		SearchContext panel = openPanel();
		panel.findElement(By.cssSelector(".ql-finding .ql-highlight")).click();
		List<WebElement> highlighted = Browser.await(driver, (d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-query.ql-hl"));
			return found.isEmpty() ? null : found;
		});
		assertThat(highlighted).hasSize(10)
			.extracting((item) -> item.getAttribute("data-index"))
			.containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
		WebElement clear = panel.findElement(By.cssSelector(".ql-clear-highlight"));
		js("arguments[0].scrollIntoView({block: 'center'});", clear);
		clear.click();
		assertThat(panel.findElements(By.cssSelector(".ql-query.ql-hl"))).isEmpty();
	}

	@Test
	void statementsGroupByFingerprintAndSortByTime() {
		driver.get(url("/orders/slow"));
		SearchContext panel = openPanel();
		panel.findElement(By.cssSelector(".ql-group-toggle")).click();
		List<WebElement> groups = panel.findElements(By.cssSelector(".ql-group"));
		assertThat(groups).extracting((group) -> group.getAttribute("data-count")).containsExactly("1", "10");
		assertThat(groups.get(1).findElement(By.cssSelector(".ql-sql")).getText()).contains("from customer c1_0");
		Browser.screenshot(driver, "panel-grouped");
		panel.findElement(By.cssSelector(".ql-group-toggle")).click();
		panel.findElement(By.cssSelector(".ql-sort-time")).click();
		List<WebElement> sorted = panel.findElements(By.cssSelector(".ql-queries > .ql-query"));
		assertThat(sorted).hasSize(11);
		List<Double> durations = durationsInOrder(sorted);
		for (int i = 1; i < durations.size(); i++) {
			assertThat(durations.get(i)).isLessThanOrEqualTo(durations.get(i - 1));
		}
		panel.findElement(By.cssSelector(".ql-sort-order")).click();
		assertThat(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(0).getAttribute("data-index"))
			.isEqualTo("0");
	}

	@Test
	void theCopyButtonGivesRunnableSqlWithTheParametersWrittenIn() {
		driver.get(url("/orders/slow"));
		SearchContext panel = openPanel();
		WebElement lazy = expand(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(1));
		WebElement copy = lazy.findElement(By.cssSelector(".ql-copy-sql"));
		copy.click();
		String copied = Browser.<String>await(driver, (d) -> copy.getAttribute("data-copied"));
		assertThat(copied).isEqualTo("select c1_0.id,c1_0.city,c1_0.name from customer c1_0 where c1_0.id=1");
		Map<String, Object> row = this.jdbc.queryForMap(copied);
		assertThat(row.get("name")).isEqualTo("Customer 1");
		Browser.await(driver, (d) -> copy.getText().startsWith("Cop") && !copy.getText().equals("Copy SQL"));
		assertThat((String) js("return window.QueryLens.inline(arguments[0], arguments[1]);",
				"select * from t where a = ? and b = ? and c = ? and d = ? and e = '?'", List.of("it's", 2.5, true)))
			.isEqualTo("select * from t where a = 'it''s' and b = 2.5 and c = TRUE and d = ? and e = '?'");
		assertThat((String) js("return window.QueryLens.inline(arguments[0], arguments[1]);", "select $2, $1",
				java.util.Arrays.asList("x", null)))
			.isEqualTo("select NULL, 'x'");
		WebElement copyCallSite = lazy.findElement(By.cssSelector(".ql-copy-callsite"));
		copyCallSite.click();
		String copiedCallSite = Browser.await(driver, (d) -> copyCallSite.getAttribute("data-copied"));
		assertThat(copiedCallSite).startsWith("dev.querylens.demo.shop.OrderRow.of(OrderRow.java:");
	}

	@Test
	void theBadgeCollapsesMovesAndHidesForTheSession() {
		driver.get(url("/orders/slow"));
		SearchContext root = Browser.shadowOf(driver, "querylens-toolbar");
		WebElement badge = badgeWithText("11 q");
		Rectangle before = badge.getRect();
		assertThat(before.getX()).isGreaterThan(640);
		assertThat(before.getY()).isGreaterThan(450);
		root.findElement(By.cssSelector(".ql-move")).click();
		assertThat(badge.getAttribute("data-corner")).isEqualTo("bottom-left");
		assertThat(badge.getRect().getX()).isLessThan(100);
		root.findElement(By.cssSelector(".ql-move")).click();
		assertThat(badge.getAttribute("data-corner")).isEqualTo("top-left");
		assertThat(badge.getRect().getY()).isLessThan(100);
		driver.navigate().refresh();
		assertThat(badgeWithText("11 q").getAttribute("data-corner")).isEqualTo("top-left");
		root = Browser.shadowOf(driver, "querylens-toolbar");
		root.findElement(By.cssSelector(".ql-collapse")).click();
		WebElement collapsed = root.findElement(By.cssSelector(".ql-badge"));
		assertThat(collapsed.getAttribute("class")).contains("ql-collapsed");
		assertThat(collapsed.getText()).isEqualTo("11");
		assertThat(collapsed.getRect().getWidth()).isLessThan(before.getWidth() / 3);
		Browser.screenshot(driver, "badge-collapsed");
		root.findElement(By.cssSelector(".ql-open")).click();
		assertThat(root.findElement(By.cssSelector(".ql-badge")).getText()).contains("11 q");
		root.findElement(By.cssSelector(".ql-hide")).click();
		assertThat(driver.findElements(By.id("querylens-toolbar"))).isEmpty();
		driver.get(url("/orders/fast"));
		assertThat(driver.findElements(By.cssSelector("script[data-querylens-id]"))).hasSize(1);
		assertThat(driver.findElements(By.id("querylens-toolbar"))).isEmpty();
		driver.get(url("/querylens"));
		driver.get(url("/orders/fast"));
		assertThat(badgeWithText("1 q").isDisplayed()).isTrue();
	}

	@Test
	void theHostPagesStylesDoNotBreakTheBadge() {
		driver.get(url("/orders/slow"));
		WebElement badge = badgeWithText("11 q");
		Rectangle before = badge.getRect();
		js("""
				const style = document.createElement('style');
				style.textContent = `
				  * { font-family: "Comic Sans MS", fantasy !important; font-size: 31px !important;
				      color: magenta !important; letter-spacing: 9px !important; text-transform: uppercase !important;
				      line-height: 4 !important; box-sizing: content-box !important; }
				  body * { position: static !important; transform: rotate(45deg) !important; }
				  querylens-toolbar, [id^=querylens], body > :last-child { display: none !important;
				      opacity: 0 !important; visibility: hidden !important; transform: scale(0) !important; }
				  button, div, span { all: unset !important; background: lime !important; border: 9px solid red !important; }
				  body { filter: blur(1px) sepia(1); transform: translateX(-40px) !important; overflow-x: hidden; }
				`;
				document.head.appendChild(style);""");
		assertThat(driver.findElement(By.tagName("h1")).getCssValue("text-transform")).isEqualTo("uppercase");
		WebElement after = badgeWithText("11 q");
		Browser.screenshot(driver, "badge-hostile-css");
		assertThat(after.isDisplayed()).isTrue();
		Rectangle rect = after.getRect();
		assertThat(rect.getDimension()).isEqualTo(before.getDimension());
		// Still 12 px from the bottom right corner of the viewport, whose width the
		// page's new scroll bar changed.
		long viewportWidth = js("return document.documentElement.clientWidth;");
		long viewportHeight = js("return document.documentElement.clientHeight;");
		assertThat(viewportWidth - (rect.getX() + rect.getWidth())).isBetween(11L, 13L);
		assertThat(viewportHeight - (rect.getY() + rect.getHeight())).isBetween(11L, 13L);
		assertThat(after.getCssValue("text-transform")).isEqualTo("none");
		assertThat(after.getCssValue("letter-spacing")).isEqualTo("normal");
		assertThat(after.getCssValue("font-size")).isEqualTo("13px");
		SearchContext panel = openPanel();
		assertThat(panel.findElements(By.cssSelector(".ql-queries > .ql-query"))).hasSize(11);
	}

	@Test
	void aFetchTheLivePageMakesIsListedUnderItsBadgeAndOpensInThePanel() {
		driver.get(url("/orders/live"));
		Browser.await(driver, (d) -> d.findElement(By.id("status")).getText().equals("50 orders loaded."));
		// The page itself runs no statement: the badge adds up its call's, and shows the
		// call's N+1.
		WebElement badge = badgeWithText("+1 fetch");
		assertThat(badge.getText()).contains("11 q", "⚠ N+1");
		assertThat(badge.getAttribute("class")).contains("ql-warn");
		SearchContext panel = openPanel();
		WebElement fetch = Browser.await(driver, (d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-req[data-kind=fetch]"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(fetch.getText()).contains("GET /api/orders/slow", "11 q");
		fetch.click();
		Browser.await(driver, (d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/api/orders/slow"));
		assertThat(panel.findElement(By.cssSelector(".ql-summary")).getText()).contains("11 statements");
		assertThat(panel.findElement(By.cssSelector(".ql-finding")).getText()).contains("Order.customer");
		Browser.screenshot(driver, "panel-fetch");
		panel.findElement(By.cssSelector(".ql-req[data-kind=page]")).click();
		Browser.await(driver, (d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/orders/live"));
		List<?> requests = js("return window.QueryLens.requests().map((r) => r.url);");
		assertThat(requests).hasSize(2);
		js("""
				const xhr = new XMLHttpRequest();
				xhr.open('GET', '/orders/fast');
				xhr.send();""");
		badgeWithText("+2 fetch");
		WebElement xhr = Browser.await(driver, (d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-req[data-kind=fetch]"));
			return (found.size() == 2) ? found.get(1) : null;
		});
		assertThat(xhr.getText()).contains("GET /orders/fast", "1 q");
		assertThat((List<?>) js("return window.QueryLens.requests();")).hasSize(3);
	}

	@Test
	void aParameterThatLooksLikeHtmlIsShownAsTextAndRunsNoScript() {
		String payload = "<img src=x onerror=alert(1)><script>window.__ql_xss=1</script>";
		driver.get(url("/customers/search?name=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)));
		SearchContext panel = openPanel();
		expand(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(0));
		WebElement parameters = panel.findElement(By.cssSelector(".ql-params"));
		assertThat(parameters.getText()).contains("'%" + payload + "%'");
		assertThat(panel.findElements(By.cssSelector("img, .ql-params script"))).isEmpty();
		assertThat(panel.findElement(By.cssSelector(".ql-uri")).getText()).startsWith("/customers/search?name=%3Cimg");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> driver.switchTo().alert());
		assertThat((Object) js("return window.__ql_xss;")).isNull();
		driver.get(url("/querylens"));
		assertThat(driver.findElements(By.cssSelector("#recordings img, #recordings script"))).isEmpty();
		assertThat(driver.findElement(By.id("recordings")).getText()).contains("/customers/search?name=");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> driver.switchTo().alert());
	}

	@Test
	void thePanelFollowsADarkColorScheme() {
		ChromeDriver chrome = (ChromeDriver) driver;
		chrome.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		try {
			driver.get(url("/orders/slow"));
			SearchContext panel = openPanel();
			WebElement sheet = panel.findElement(By.cssSelector(".ql-panel"));
			assertThat(brightness(sheet.getCssValue("background-color"))).isLessThan(60);
			assertThat(brightness(panel.findElement(By.cssSelector(".ql-summary b")).getCssValue("color")))
				.isGreaterThan(180);
			Browser.screenshot(driver, "panel-dark");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		}
		driver.get(url("/orders/slow"));
		SearchContext panel = openPanel();
		assertThat(brightness(panel.findElement(By.cssSelector(".ql-panel")).getCssValue("background-color")))
			.isGreaterThan(200);
	}

	private static int brightness(String cssColor) {
		String[] parts = cssColor.replaceAll("[^0-9,]", "").split(",");
		return (Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]) + Integer.parseInt(parts[2])) / 3;
	}

	private WebElement badgeWithText(String text) {
		SearchContext root = Browser.shadowOf(driver, "querylens-toolbar");
		return Browser.await(driver, (d) -> {
			List<WebElement> badges = root.findElements(By.cssSelector(".ql-badge"));
			return (!badges.isEmpty() && badges.get(0).isDisplayed() && badges.get(0).getText().contains(text))
					? badges.get(0) : null;
		});
	}

	private SearchContext openPanel() {
		badgeWithText(" q");
		SearchContext root = Browser.shadowOf(driver, "querylens-toolbar");
		root.findElement(By.cssSelector(".ql-open")).click();
		Browser.await(driver, (d) -> !root.findElements(By.cssSelector(".ql-panel .ql-summary")).isEmpty()
				&& root.findElement(By.cssSelector(".ql-panel")).isDisplayed());
		return root;
	}

	private static WebElement expand(WebElement statement) {
		WebElement row = statement.findElement(By.cssSelector(".ql-row"));
		js("arguments[0].scrollIntoView({block: 'center'});", row);
		row.click();
		Browser.await(driver, (d) -> statement.findElement(By.cssSelector(".ql-detail")).isDisplayed());
		return statement;
	}

	private static List<Double> durationsInOrder(List<WebElement> items) {
		return items.stream()
			.map((item) -> item.findElement(By.cssSelector(".ql-time")).getText().replace(" ms", ""))
			.map(Double::valueOf)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static <T> T js(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
