package dev.querylens.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolbarInjector}'s rules on a response, without a server.
 */
class ToolbarInjectorTests {

	private static final String PAGE = "<html><body><script>var s = '</BODY>';</script>x</Body ></html>";

	private final Recording recording = Recording.start(Kind.HTTP, "GET", "/", null, 10).finish(200, null);

	@Test
	void theLastBodyEndTagIsFoundInAnyLetterCase() {
		byte[] page = PAGE.getBytes(StandardCharsets.US_ASCII);
		assertThat(ToolbarInjector.lastIndexOfBodyEnd(page)).isEqualTo(PAGE.lastIndexOf("</Body"));
		assertThat(ToolbarInjector.lastIndexOfBodyEnd("<p>no end".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
		assertThat(ToolbarInjector.lastIndexOfBodyEnd(new byte[0])).isEqualTo(-1);
	}

	@Test
	void thePageIsInjectedAndItsLengthSet() {
		MockHttpServletResponse response = html();
		response.setContentLength(PAGE.length());
		byte[] injected = ToolbarInjector.inject(response, PAGE.getBytes(StandardCharsets.UTF_8), "/ctx/querylens",
				this.recording);
		String text = new String(injected, StandardCharsets.UTF_8);
		assertThat(text)
			.startsWith("<html><body><script>var s = '</BODY>';</script>x<script type=\"module\" src=\"/ctx/querylens/")
			.endsWith("></script></Body ></html>");
		assertThat(response.getContentLength()).isEqualTo(injected.length);
	}

	@Test
	void onlyPlainHtml200PagesAreInjectable() {
		assertThat(ToolbarInjector.isInjectable(html())).isTrue();
		MockHttpServletResponse json = html();
		json.setContentType("application/json");
		assertThat(ToolbarInjector.isInjectable(json)).isFalse();
		MockHttpServletResponse notFound = html();
		notFound.setStatus(404);
		assertThat(ToolbarInjector.isInjectable(notFound)).isFalse();
		MockHttpServletResponse redirect = html();
		redirect.setStatus(302);
		assertThat(ToolbarInjector.isInjectable(redirect)).isFalse();
		MockHttpServletResponse compressed = html();
		compressed.setHeader("Content-Encoding", "br");
		assertThat(ToolbarInjector.isInjectable(compressed)).isFalse();
		MockHttpServletResponse identity = html();
		identity.setHeader("Content-Encoding", "identity");
		assertThat(ToolbarInjector.isInjectable(identity)).isTrue();
		MockHttpServletResponse download = html();
		download.setHeader("Content-Disposition", "Attachment; filename=a.html");
		assertThat(ToolbarInjector.isInjectable(download)).isFalse();
		MockHttpServletResponse inline = html();
		inline.setHeader("Content-Disposition", "inline");
		assertThat(ToolbarInjector.isInjectable(inline)).isTrue();
		MockHttpServletResponse untyped = new MockHttpServletResponse();
		assertThat(ToolbarInjector.isInjectable(untyped)).isFalse();
	}

	@Test
	void aPageWithoutABodyEndTagIsLeftAlone() {
		assertThat(ToolbarInjector.inject(html(), "<p>fragment</p>".getBytes(StandardCharsets.UTF_8), "/querylens",
				this.recording))
			.isNull();
	}

	@Test
	void theBaseIsEscapedInTheInjectedTag() {
		byte[] injected = ToolbarInjector.inject(html(), PAGE.getBytes(StandardCharsets.UTF_8), "/a\"b<c",
				this.recording);
		assertThat(new String(injected, StandardCharsets.UTF_8)).contains("src=\"/a&quot;b&lt;c/static/toolbar.js\"");
	}

	@Test
	void theBadgeNeedsThePolicyToAllowItsScriptStyleAndFetch() {
		assertThat(policy("default-src 'self'").allowsBadge()).isTrue();
		assertThat(policy("script-src 'self'; style-src 'self' 'unsafe-inline'").allowsBadge()).isTrue();
		assertThat(policy("script-src 'nonce-abc' 'strict-dynamic'; style-src 'nonce-abc'").allowsBadge()).isTrue();
		assertThat(policy("script-src 'nonce-abc' 'strict-dynamic'").findNonce()).isEqualTo("abc");
		assertThat(policy("script-src 'strict-dynamic' 'self'").allowsBadge()).isFalse();
		assertThat(policy("default-src 'none'").allowsBadge()).isFalse();
		assertThat(policy("script-src 'self'; connect-src https://api.example.com").allowsBadge()).isFalse();
		assertThat(policy("script-src https://cdn.example.com").allowsBadge()).isFalse();
		assertThat(policy("img-src *").allowsBadge()).isTrue();
	}

	private static ContentSecurityPolicy policy(String header) {
		return ContentSecurityPolicy.of(java.util.List.of(header));
	}

	private static MockHttpServletResponse html() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setContentType("text/html;charset=UTF-8");
		return response;
	}

}
