package dev.querylens.demo.lessons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding's text as the lesson pages write it: code spans, emphasis and plurals as
 * markup, and nothing from a statement or an application ever as markup.
 */
class FindingMarkupTests {

	private final FindingMarkup markup = new FindingMarkup();

	@Test
	void codeSpansBecomeCodeThatBreaksOnlyAfterDotsCommasAndBrackets() {
		assertThat(this.markup.html("Add `@EntityGraph(attributePaths = \"items\")` on `OrderRepository.findAll`"))
			.isEqualTo("Add <code>@EntityGraph(<wbr>attributePaths = &quot;items&quot;)</code> on "
					+ "<code>OrderRepository.<wbr>findAll</code>");
		assertThat(this.markup.code("select a,b from t where t.id=?"))
			.isEqualTo("select a,<wbr>b from t where t.<wbr>id=<wbr>?");
	}

	@Test
	void emphasisBecomesEmButAnAsteriskInCodeOrArithmeticStaysText() {
		assertThat(this.markup.html("read *once*, then `select count(*) from t` or 2 * 3"))
			.isEqualTo("read <em>once</em>, then <code>select count(<wbr>*) from t</code> or 2 * 3");
	}

	@Test
	void aPluralAfterACodeSpanStaysOnIt() {
		assertThat(this.markup.html("the `Order`s' `customer` for 50 `Order`s"))
			.isEqualTo("the <span class=\"glued\"><code>Order</code>s</span>&#39; <code>customer</code> for 50 "
					+ "<span class=\"glued\"><code>Order</code>s</span>");
		assertThat(this.markup.html("`Order` is")).isEqualTo("<code>Order</code> is");
	}

	@Test
	void hostileTextInsideOrOutsideCodeIsEscaped() {
		String hostile = "<script>alert(1)</script> `<img src=x onerror=alert(1)>` *<b>bold</b>* & \"quoted\" "
				+ "`select '</code><script>x</script>' from t`";
		String html = this.markup.html(hostile);
		assertThat(html).doesNotContain("<script", "<img", "<b>", "</code><script")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;",
					"<code>&lt;img src=<wbr>x onerror=<wbr>alert(<wbr>1)&gt;</code>",
					"<em>&lt;b&gt;bold&lt;/b&gt;</em>", "&amp; &quot;quoted&quot;");
		assertThat(html.replaceAll("</?(code|em|wbr|span class=\"glued\"|span)>", "")).doesNotContain("<", ">");
	}

	@Test
	void anUnclosedBacktickIsShownAsItIs() {
		assertThat(this.markup.html("a `b` c `d <e>")).isEqualTo("a <code>b</code> c `d &lt;e&gt;");
		assertThat(this.markup.html(null)).isEmpty();
	}

}
