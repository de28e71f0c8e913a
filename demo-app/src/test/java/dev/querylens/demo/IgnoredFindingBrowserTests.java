package dev.querylens.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An N+1 silenced by a {@code querylens.ignore} rule, in a real headless Chromium: the
 * badge shows no warning, and the panel still lists the finding, greyed out and labelled
 * ignored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "querylens.toolbar.badge-in-tests=true",
		"querylens.ignore[0].type=n-plus-one", "querylens.ignore[0].association=Order.customer" })
class IgnoredFindingBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void anIgnoredNPlusOneIsShownGreyedOutAndLeftOutOfTheBadge() {
		browser.forgetTheBadgesPlace();
		browser.open("/orders/slow");
		WebElement badge = browser.badgeWithText("11 q");
		assertThat(badge.getText()).doesNotContain("N+1").doesNotContain("⚠");
		SearchContext root = browser.openPanel();
		assertThat(root.findElement(By.cssSelector(".ql-findings .ql-h")).getText())
			.isEqualToIgnoringCase("0 findings · 1 ignored");
		WebElement finding = root.findElement(By.cssSelector(".ql-finding"));
		assertThat(finding.getAttribute("class")).contains("ql-ignored");
		assertThat(finding.findElement(By.cssSelector(".ql-pill-ignored")).getText()).isEqualTo("ignored");
		assertThat(finding.getText()).contains("Order.customer");
		assertThat(Double.parseDouble(finding.getCssValue("opacity"))).isLessThan(1);
		browser.screenshot("panel-ignored");
	}

}
