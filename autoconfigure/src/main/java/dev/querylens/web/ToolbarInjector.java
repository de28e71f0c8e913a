package dev.querylens.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.HtmlUtils;

import dev.querylens.capture.Recording;

/**
 * Adds the badge to a complete HTML page for an allowed client: a script tag just before
 * the last {@code </body>}. Any response that is not a plain, uncompressed, non-download
 * {@code text/html} 200 page is left byte for byte as the application wrote it.
 */
public final class ToolbarInjector {

	private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

	private static final String ASCII_PROBE = "<>/\"'=-_.:;?&# azAZ09";

	private final ToolbarAccess access;

	private final String path;

	private final boolean badge;

	/**
	 * Creates an injector that adds the badge.
	 * @param access who may see the badge
	 * @param path the toolbar's path within the application, e.g. {@code /querylens}
	 */
	public ToolbarInjector(ToolbarAccess access, String path) {
		this(access, path, true);
	}

	/**
	 * Creates an injector.
	 * @param access who may see the badge
	 * @param path the toolbar's path within the application, e.g. {@code /querylens}
	 * @param badge whether pages get the badge at all (off in tests unless asked for)
	 */
	public ToolbarInjector(ToolbarAccess access, String path, boolean badge) {
		this.access = access;
		this.path = path;
		this.badge = badge;
	}

	/**
	 * Returns the toolbar's path within the application.
	 * @return the path, e.g. {@code /querylens}
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Whether a request's page gets the badge: pages get one at all, and the client may
	 * see it.
	 * @param request the request
	 * @return whether its HTML page would get the badge
	 */
	boolean isShownTo(HttpServletRequest request) {
		return this.badge && this.access.isAllowed(request);
	}

	/**
	 * Returns how the body of a request's response is to be rewritten.
	 * @param request the request
	 * @param recording the request's recording
	 * @return the rewriter, or {@code null} when pages get no badge or the client may not
	 * see it
	 */
	BufferedResponse.BodyRewriter rewriterFor(HttpServletRequest request, Recording recording) {
		if (!isShownTo(request)) {
			return null;
		}
		String base = request.getContextPath() + this.path;
		return (response, body) -> inject(response, body, base, recording);
	}

	/**
	 * Injects the badge into a complete response body, fixing {@code Content-Length}.
	 * @param response the response, headers not yet sent
	 * @param body the body as the application wrote it
	 * @param base the toolbar's path including the context path
	 * @param recording the request's recording, finished
	 * @return the new body, or {@code null} to leave the body untouched
	 */
	static byte[] inject(HttpServletResponse response, byte[] body, String base, Recording recording) {
		if (!isInjectable(response)) {
			return null;
		}
		Charset charset = asciiCompatible(response.getCharacterEncoding());
		if (charset == null) {
			return null;
		}
		int at = lastIndexOfBodyEnd(body);
		if (at < 0) {
			return null;
		}
		ContentSecurityPolicy policy = ContentSecurityPolicy.of(response.getHeaders("Content-Security-Policy"));
		byte[] snippet = snippet(policy, base, recording).getBytes(charset);
		byte[] injected = new byte[body.length + snippet.length];
		System.arraycopy(body, 0, injected, 0, at);
		System.arraycopy(snippet, 0, injected, at, snippet.length);
		System.arraycopy(body, at, injected, at + snippet.length, body.length - at);
		response.setContentLengthLong(injected.length);
		return injected;
	}

	/**
	 * Whether a response is a page the badge may go into, judged by its status and
	 * headers.
	 * @param response the response
	 * @return whether it is a plain HTML 200 page
	 */
	static boolean isInjectable(HttpServletResponse response) {
		if (response.getStatus() != HttpServletResponse.SC_OK) {
			return false;
		}
		String contentType = response.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
			return false;
		}
		String encoding = response.getHeader("Content-Encoding");
		if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
			return false;
		}
		String disposition = response.getHeader("Content-Disposition");
		return disposition == null || !disposition.trim().toLowerCase(Locale.ROOT).startsWith("attachment");
	}

	/**
	 * Finds the last {@code </body}, in any letter case.
	 * @param body the page's bytes in an ASCII-compatible encoding
	 * @return its offset, or -1
	 */
	static int lastIndexOfBodyEnd(byte[] body) {
		return lastIndexOfBodyEnd(body, body.length);
	}

	/**
	 * Finds the last {@code </body}, in any letter case, among the first bytes of an
	 * array.
	 * @param body the page's bytes in an ASCII-compatible encoding
	 * @param length how many of them are the page
	 * @return its offset, or -1
	 */
	static int lastIndexOfBodyEnd(byte[] body, int length) {
		outer: for (int i = length - BODY_END.length; i >= 0; i--) {
			for (int j = 0; j < BODY_END.length; j++) {
				byte b = body[i + j];
				if (b >= 'A' && b <= 'Z') {
					b = (byte) (b + ('a' - 'A'));
				}
				if (b != BODY_END[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static Charset asciiCompatible(String encoding) {
		Charset charset;
		try {
			charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		}
		catch (RuntimeException ex) {
			return null;
		}
		return Arrays.equals(ASCII_PROBE.getBytes(charset), ASCII_PROBE.getBytes(StandardCharsets.US_ASCII)) ? charset
				: null;
	}

	private static String snippet(ContentSecurityPolicy policy, String base, Recording recording) {
		String escapedBase = HtmlUtils.htmlEscape(base, "UTF-8");
		String id = HtmlUtils.htmlEscape(recording.getId(), "UTF-8");
		if (!policy.allowsBadge()) {
			// The page's policy would block the badge's script or style: a plain link
			// breaks no rule.
			int count = recording.getQueryCount();
			return "<p data-querylens-link=\"" + id + "\"><a href=\"" + escapedBase + "/recordings/" + id
					+ "\">QueryLens: " + count + ((count == 1) ? " query" : " queries") + "</a></p>";
		}
		String nonce = policy.findNonce();
		// A module: it loads its parts (sql, panel, badge, requests) itself, each
		// carrying the page's nonce.
		return "<script type=\"module\" src=\"" + escapedBase + "/static/toolbar.js\" data-querylens-id=\"" + id
				+ "\" data-querylens-base=\"" + escapedBase + "\""
				+ ((nonce != null) ? " nonce=\"" + HtmlUtils.htmlEscape(nonce, "UTF-8") + "\"" : "") + "></script>";
	}

}
