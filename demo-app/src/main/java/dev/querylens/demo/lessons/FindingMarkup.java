package dev.querylens.demo.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a finding's text as HTML for the lesson pages: what QueryLens writes between
 * backticks becomes {@code <code>}, {@code *a word*} becomes {@code <em>}, and everything
 * else is escaped, so no text from a statement or an application ever becomes markup.
 * Identifiers are never broken inside a word: a long one may break only after a dot, a
 * comma, a bracket, an equals sign or a slash. A plural's letters right after a code span
 * stay on it ("{@code `Order`s}" reads "Orders", not "Order s").
 */
@Component
public class FindingMarkup {

	private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");

	private static final Pattern PLURAL = Pattern.compile("^[A-Za-z]{1,2}\\b");

	private static final Pattern BREAK_AFTER = Pattern.compile("([.,(=/])(?=\\S)");

	/**
	 * Writes text with code spans and emphasis as HTML.
	 * @param text a finding's message or suggestion, or null
	 * @return the HTML, empty for null
	 */
	public String html(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder html = new StringBuilder();
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf('`', at);
			int close = (open < 0) ? -1 : text.indexOf('`', open + 1);
			if (close < 0) {
				// No closing backtick: the rest is text, backtick and all.
				html.append(prose(text.substring(at)));
				break;
			}
			html.append(prose(text.substring(at, open)));
			String code = "<code>" + code(text.substring(open + 1, close)) + "</code>";
			at = close + 1;
			Matcher plural = PLURAL.matcher(text.substring(at));
			if (plural.find()) {
				html.append("<span class=\"glued\">").append(code).append(plural.group()).append("</span>");
				at += plural.end();
			}
			else {
				html.append(code);
			}
		}
		return html.toString();
	}

	/**
	 * Writes code as HTML that breaks only at sensible points.
	 * @param code code, shown as it is
	 * @return the escaped code with break opportunities
	 */
	public String code(String code) {
		return BREAK_AFTER.matcher(HtmlUtils.htmlEscape(code)).replaceAll("$1<wbr>");
	}

	private static String prose(String text) {
		return EMPHASIS.matcher(HtmlUtils.htmlEscape(text)).replaceAll("<em>$1</em>");
	}

}
