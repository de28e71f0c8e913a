package dev.querylens.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The badge and the panel on the demo's pages, in a real headless Chromium over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.toolbar.badge-in-tests=true")
class ToolbarBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void forgetTheBadgesPlace() {
		browser.forgetTheBadgesPlace();
	}

	@Test
	void theBadgeShowsTheCountTimeAndTheNPlusOne() {
		browser.open("/orders/slow");
		WebElement badge = browser.badgeWithText("11 q");
		assertThat(badge.getText()).matches("◎\\s*11 q · [0-9.]+ ms · ⚠ N\\+1[\\s\\S]*");
		assertThat(badge.getAttribute("class")).contains("ql-warn");
		browser.screenshot("badge");
		browser.open("/orders/fast");
		assertThat(browser.badgeWithText("1 q").getText()).doesNotContain("N+1");
	}

	@Test
	void clickingTheBadgeOpensThePanelWithTheFindingsFirst() {
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
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
		browser.screenshot("panel");
	}

	@Test
	void eachStatementsCallPathIsFoldedAndOpensToItsApplicationFrames() {
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		WebElement lazy = expand(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(1));
		WebElement path = lazy.findElement(By.cssSelector("details.ql-callpath"));
		assertThat(path.getAttribute("open")).isNull();
		List<WebElement> frames = path.findElements(By.cssSelector("li"));
		assertThat(frames.get(0).isDisplayed()).isFalse();
		WebElement summary = path.findElement(By.cssSelector("summary"));
		assertThat(summary.getText()).isEqualTo("Call path (" + frames.size() + " application frames)");
		browser.js("arguments[0].scrollIntoView({block: 'center'});", summary);
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
		browser.screenshot("panel-call-path");
	}

	@Test
	void theFindingsLinkHighlightsItsStatements() {
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		panel.findElement(By.cssSelector(".ql-finding .ql-highlight")).click();
		List<WebElement> highlighted = browser.await((d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-query.ql-hl"));
			return found.isEmpty() ? null : found;
		});
		assertThat(highlighted).hasSize(10)
			.extracting((item) -> item.getAttribute("data-index"))
			.containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
		WebElement clear = panel.findElement(By.cssSelector(".ql-clear-highlight"));
		browser.js("arguments[0].scrollIntoView({block: 'center'});", clear);
		clear.click();
		assertThat(panel.findElements(By.cssSelector(".ql-query.ql-hl"))).isEmpty();
	}

	@Test
	void statementsGroupByFingerprintAndSortByTime() {
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		panel.findElement(By.cssSelector(".ql-group-toggle")).click();
		List<WebElement> groups = panel.findElements(By.cssSelector(".ql-group"));
		assertThat(groups).extracting((group) -> group.getAttribute("data-count")).containsExactly("1", "10");
		assertThat(groups.get(1).findElement(By.cssSelector(".ql-sql")).getText()).contains("from customer c1_0");
		browser.screenshot("panel-grouped");
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
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		WebElement lazy = expand(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(1));
		WebElement copy = lazy.findElement(By.cssSelector(".ql-copy-sql"));
		copy.click();
		String copied = browser.<String>await((d) -> copy.getAttribute("data-copied"));
		assertThat(copied).isEqualTo("select c1_0.id,c1_0.city,c1_0.name from customer c1_0 where c1_0.id=1");
		Map<String, Object> row = this.jdbc.queryForMap(copied);
		assertThat(row.get("name")).isEqualTo("Customer 1");
		browser.await((d) -> copy.getText().startsWith("Cop") && !copy.getText().equals("Copy SQL"));
		assertThat((String) browser.js("return window.QueryLens.inline(arguments[0], arguments[1]);",
				"select * from t where a = ? and b = ? and c = ? and d = ? and e = '?'", List.of("it's", 2.5, true)))
			.isEqualTo("select * from t where a = 'it''s' and b = 2.5 and c = TRUE and d = ? and e = '?'");
		assertThat((String) browser.js("return window.QueryLens.inline(arguments[0], arguments[1]);", "select $2, $1",
				java.util.Arrays.asList("x", null)))
			.isEqualTo("select NULL, 'x'");
		WebElement copyCallSite = lazy.findElement(By.cssSelector(".ql-copy-callsite"));
		copyCallSite.click();
		String copiedCallSite = browser.await((d) -> copyCallSite.getAttribute("data-copied"));
		assertThat(copiedCallSite).startsWith("dev.querylens.demo.shop.OrderRow.of(OrderRow.java:");
	}

	@Test
	void theBadgeCollapsesMovesAndHidesForTheSession() {
		browser.open("/orders/slow");
		SearchContext root = browser.shadowOf("querylens-toolbar");
		WebElement badge = browser.badgeWithText("11 q");
		Rectangle before = badge.getRect();
		assertThat(before.getX()).isGreaterThan(640);
		assertThat(before.getY()).isGreaterThan(450);
		root.findElement(By.cssSelector(".ql-move")).click();
		assertThat(badge.getAttribute("data-corner")).isEqualTo("bottom-left");
		assertThat(badge.getRect().getX()).isLessThan(100);
		root.findElement(By.cssSelector(".ql-move")).click();
		assertThat(badge.getAttribute("data-corner")).isEqualTo("top-left");
		assertThat(badge.getRect().getY()).isLessThan(100);
		browser.driver().navigate().refresh();
		assertThat(browser.badgeWithText("11 q").getAttribute("data-corner")).isEqualTo("top-left");
		root = browser.shadowOf("querylens-toolbar");
		root.findElement(By.cssSelector(".ql-collapse")).click();
		WebElement collapsed = root.findElement(By.cssSelector(".ql-badge"));
		assertThat(collapsed.getAttribute("class")).contains("ql-collapsed");
		assertThat(collapsed.getText()).isEqualTo("11");
		assertThat(collapsed.getRect().getWidth()).isLessThan(before.getWidth() / 3);
		browser.screenshot("badge-collapsed");
		root.findElement(By.cssSelector(".ql-open")).click();
		assertThat(root.findElement(By.cssSelector(".ql-badge")).getText()).contains("11 q");
		root.findElement(By.cssSelector(".ql-hide")).click();
		assertThat(browser.driver().findElements(By.id("querylens-toolbar"))).isEmpty();
		browser.open("/orders/fast");
		assertThat(browser.driver().findElements(By.cssSelector("script[data-querylens-id]"))).hasSize(1);
		assertThat(browser.driver().findElements(By.id("querylens-toolbar"))).isEmpty();
		browser.open("/querylens");
		browser.open("/orders/fast");
		assertThat(browser.badgeWithText("1 q").isDisplayed()).isTrue();
	}

	@Test
	void theHostPagesStylesDoNotBreakTheBadge() {
		browser.open("/orders/slow");
		WebElement badge = browser.badgeWithText("11 q");
		Rectangle before = badge.getRect();
		browser
			.js("""
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
		assertThat(browser.driver().findElement(By.tagName("h1")).getCssValue("text-transform")).isEqualTo("uppercase");
		WebElement after = browser.badgeWithText("11 q");
		browser.screenshot("badge-hostile-css");
		assertThat(after.isDisplayed()).isTrue();
		Rectangle rect = after.getRect();
		assertThat(rect.getDimension()).isEqualTo(before.getDimension());
		// Still 12 px from the bottom right corner of the viewport, whose width the
		// page's new scroll bar changed.
		long viewportWidth = browser.js("return document.documentElement.clientWidth;");
		long viewportHeight = browser.js("return document.documentElement.clientHeight;");
		assertThat(viewportWidth - (rect.getX() + rect.getWidth())).isBetween(11L, 13L);
		assertThat(viewportHeight - (rect.getY() + rect.getHeight())).isBetween(11L, 13L);
		assertThat(after.getCssValue("text-transform")).isEqualTo("none");
		assertThat(after.getCssValue("letter-spacing")).isEqualTo("normal");
		assertThat(after.getCssValue("font-size")).isEqualTo("13px");
		SearchContext panel = browser.openPanel();
		assertThat(panel.findElements(By.cssSelector(".ql-queries > .ql-query"))).hasSize(11);
	}

	@Test
	void aFetchTheLivePageMakesIsListedUnderItsBadgeAndOpensInThePanel() {
		browser.open("/orders/live");
		browser.await((d) -> d.findElement(By.id("status")).getText().equals("50 orders loaded."));
		// The page itself runs no statement: the badge adds up its call's, and shows the
		// call's N+1.
		WebElement badge = browser.badgeWithText("+1 fetch");
		assertThat(badge.getText()).contains("11 q", "⚠ N+1");
		assertThat(badge.getAttribute("class")).contains("ql-warn");
		SearchContext panel = browser.openPanel();
		WebElement fetch = browser.await((d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-req[data-kind=fetch]"));
			return found.isEmpty() ? null : found.get(0);
		});
		assertThat(fetch.getText()).contains("GET /api/orders/slow", "11 q");
		fetch.click();
		browser.await((d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/api/orders/slow"));
		assertThat(panel.findElement(By.cssSelector(".ql-summary")).getText()).contains("11 statements");
		assertThat(panel.findElement(By.cssSelector(".ql-finding")).getText()).contains("Order.customer");
		browser.screenshot("panel-fetch");
		panel.findElement(By.cssSelector(".ql-req[data-kind=page]")).click();
		browser.await((d) -> panel.findElement(By.cssSelector(".ql-uri")).getText().equals("/orders/live"));
		List<?> requests = browser.js("return window.QueryLens.requests().map((r) => r.url);");
		assertThat(requests).hasSize(2);
		browser.js("""
				const xhr = new XMLHttpRequest();
				xhr.open('GET', '/orders/fast');
				xhr.send();""");
		browser.badgeWithText("+2 fetch");
		WebElement xhr = browser.await((d) -> {
			List<WebElement> found = panel.findElements(By.cssSelector(".ql-req[data-kind=fetch]"));
			return (found.size() == 2) ? found.get(1) : null;
		});
		assertThat(xhr.getText()).contains("GET /orders/fast", "1 q");
		assertThat((List<?>) browser.js("return window.QueryLens.requests();")).hasSize(3);
	}

	@Test
	void aParameterThatLooksLikeHtmlIsShownAsTextAndRunsNoScript() {
		String payload = "<img src=x onerror=alert(1)><script>window.__ql_xss=1</script>";
		browser.open("/customers/search?name=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
		SearchContext panel = browser.openPanel();
		expand(panel.findElements(By.cssSelector(".ql-queries > .ql-query")).get(0));
		WebElement parameters = panel.findElement(By.cssSelector(".ql-params"));
		assertThat(parameters.getText()).contains("'%" + payload + "%'");
		assertThat(panel.findElements(By.cssSelector("img, .ql-params script"))).isEmpty();
		assertThat(panel.findElement(By.cssSelector(".ql-uri")).getText()).startsWith("/customers/search?name=%3Cimg");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver().switchTo().alert());
		assertThat((Object) browser.js("return window.__ql_xss;")).isNull();
		browser.open("/querylens");
		assertThat(browser.driver().findElements(By.cssSelector("#recordings img, #recordings script"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("recordings")).getText()).contains("/customers/search?name=");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver().switchTo().alert());
	}

	@Test
	void thePanelFollowsADarkColorScheme() {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		try {
			browser.open("/orders/slow");
			SearchContext panel = browser.openPanel();
			WebElement sheet = panel.findElement(By.cssSelector(".ql-panel"));
			assertThat(brightness(sheet.getCssValue("background-color"))).isLessThan(60);
			assertThat(brightness(panel.findElement(By.cssSelector(".ql-summary b")).getCssValue("color")))
				.isGreaterThan(180);
			browser.screenshot("panel-dark");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		}
		browser.open("/orders/slow");
		SearchContext panel = browser.openPanel();
		assertThat(brightness(panel.findElement(By.cssSelector(".ql-panel")).getCssValue("background-color")))
			.isGreaterThan(200);
	}

	private static int brightness(String cssColor) {
		String[] parts = cssColor.replaceAll("[^0-9,]", "").split(",");
		return (Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]) + Integer.parseInt(parts[2])) / 3;
	}

	private static WebElement expand(WebElement statement) {
		WebElement row = statement.findElement(By.cssSelector(".ql-row"));
		browser.js("arguments[0].scrollIntoView({block: 'center'});", row);
		row.click();
		browser.await((d) -> statement.findElement(By.cssSelector(".ql-detail")).isDisplayed());
		return statement;
	}

	private static List<Double> durationsInOrder(List<WebElement> items) {
		return items.stream()
			.map((item) -> item.findElement(By.cssSelector(".ql-time")).getText().replace(" ms", ""))
			.map(Double::valueOf)
			.toList();
	}

}
