package dev.querylens.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson page as a reader sees it, in a real headless Chromium: the findings' code as
 * code whose identifiers never break inside a word, and a plural's "s" touching the code
 * span before it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LessonPagesBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void theFindingsCodeBreaksOnlyBetweenIdentifiersAndAPluralTouchesItsCodeSpan() {
		browser.open("/lessons/collection-n-plus-one");
		browser.js("document.querySelector('td.findings').scrollIntoView({block: 'start'});");
		browser.screenshot("lesson-collection-n-plus-one");
		// Each text node of a code span lies between two break opportunities (a <wbr> or
		// a space): its words must each sit on one line, and stay inside their cell.
		@SuppressWarnings("unchecked")
		Map<String, Object> layout = browser.js("""
				const broken = [];
				const overflowing = [];
				let words = 0;
				for (const code of document.querySelectorAll('td.findings code')) {
				  const cell = code.closest('td').getBoundingClientRect();
				  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
				  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				    const text = node.textContent;
				    const word = /\\S+/g;
				    for (let match = word.exec(text); match; match = word.exec(text)) {
				      words++;
				      const range = document.createRange();
				      range.setStart(node, match.index);
				      range.setEnd(node, match.index + match[0].length);
				      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
				      if (lines.size > 1) {
				        broken.push(match[0]);
				      }
				      const box = range.getBoundingClientRect();
				      if (box.right > cell.right + 1) {
				        overflowing.push(match[0]);
				      }
				    }
				  }
				}
				const gaps = [...document.querySelectorAll('td.findings .glued')].map((glued) => {
				  const code = glued.querySelector('code');
				  const range = document.createRange();
				  range.setStart(code.nextSibling, 0);
				  range.setEnd(code.nextSibling, 1);
				  return range.getBoundingClientRect().left - code.getBoundingClientRect().right;
				});
				return { words: words, broken: broken, overflowing: overflowing, gaps: gaps,
				  backticks: document.querySelector('td.findings').textContent.includes('`') };""");
		assertThat(((Number) layout.get("words")).intValue()).isGreaterThan(20);
		assertThat((List<?>) layout.get("broken")).isEmpty();
		assertThat((List<?>) layout.get("overflowing")).isEmpty();
		assertThat(layout.get("backticks")).isEqualTo(false);
		List<?> gaps = (List<?>) layout.get("gaps");
		assertThat(gaps).isNotEmpty();
		assertThat(gaps).allSatisfy((gap) -> assertThat(((Number) gap).doubleValue()).isLessThan(1.0));
	}

}
