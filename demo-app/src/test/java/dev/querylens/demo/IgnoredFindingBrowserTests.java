package dev.querylens.demo;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An N+1 silenced by a {@code querylens.ignore} rule, in a real headless Chromium: the
 * badge shows no warning, and the panel still lists the finding, greyed out and labelled
 * ignored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "querylens.toolbar.badge-in-tests=true",
		"querylens.ignore[0].type=n-plus-one", "querylens.ignore[0].association=Order.customer" })
class IgnoredFindingBrowserTests {

	private static WebDriver driver;

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

	@Test
	void anIgnoredNPlusOneIsShownGreyedOutAndLeftOutOfTheBadge() {
		driver.get(url("/demo.css"));
		((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get(url("/orders/slow"));
		SearchContext root = Browser.shadowOf(driver, "querylens-toolbar");
		WebElement badge = Browser.await(driver, (d) -> {
			List<WebElement> badges = root.findElements(By.cssSelector(".ql-badge"));
			return (!badges.isEmpty() && badges.get(0).isDisplayed() && badges.get(0).getText().contains("11 q"))
					? badges.get(0) : null;
		});
		assertThat(badge.getText()).doesNotContain("N+1").doesNotContain("⚠");
		root.findElement(By.cssSelector(".ql-open")).click();
		Browser.await(driver, (d) -> !root.findElements(By.cssSelector(".ql-panel .ql-summary")).isEmpty()
				&& root.findElement(By.cssSelector(".ql-panel")).isDisplayed());
		assertThat(root.findElement(By.cssSelector(".ql-findings .ql-h")).getText())
			.isEqualToIgnoringCase("0 findings · 1 ignored");
		WebElement finding = root.findElement(By.cssSelector(".ql-finding"));
		assertThat(finding.getAttribute("class")).contains("ql-ignored");
		assertThat(finding.findElement(By.cssSelector(".ql-pill-ignored")).getText()).isEqualTo("ignored");
		assertThat(finding.getText()).contains("Order.customer");
		assertThat(Double.parseDouble(finding.getCssValue("opacity"))).isLessThan(1);
		Browser.screenshot(driver, "panel-ignored");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
