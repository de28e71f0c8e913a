package dev.querylens.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a response's {@code Content-Security-Policy} headers let the badge do: load its
 * script and stylesheet from the app's own origin (by {@code 'self'}, or by the page's
 * nonce) and fetch the recording from it.
 */
final class ContentSecurityPolicy {

	private static final ContentSecurityPolicy NONE = new ContentSecurityPolicy(List.of());

	private final List<String> policies;

	private ContentSecurityPolicy(List<String> policies) {
		this.policies = policies;
	}

	/**
	 * Reads the policies of a response.
	 * @param headers the values of every {@code Content-Security-Policy} header
	 * @return the policy, or one that allows everything when there is none
	 */
	static ContentSecurityPolicy of(Collection<String> headers) {
		if (headers == null || headers.isEmpty()) {
			return NONE;
		}
		return new ContentSecurityPolicy(new ArrayList<>(headers));
	}

	/**
	 * Returns the nonce the injected tags must carry, if a policy asks for one.
	 * @return the nonce, or {@code null}
	 */
	String findNonce() {
		for (String policy : this.policies) {
			List<String> sources = sources(policy, "script-src-elem", "script-src", "default-src");
			if (sources != null) {
				for (String source : sources) {
					if (source.startsWith("'nonce-") && source.endsWith("'") && source.length() > 8) {
						return source.substring(7, source.length() - 1);
					}
				}
			}
		}
		return null;
	}

	/**
	 * Whether every policy lets the badge load its script and stylesheet and fetch its
	 * data from the same origin.
	 * @return whether the badge can run without a console error
	 */
	boolean allowsBadge() {
		String nonce = findNonce();
		for (String policy : this.policies) {
			if (!allows(sources(policy, "script-src-elem", "script-src", "default-src"), nonce, true)
					|| !allows(sources(policy, "style-src-elem", "style-src", "default-src"), nonce, false)
					|| !allows(sources(policy, "connect-src", "default-src"), null, false)) {
				return false;
			}
		}
		return true;
	}

	private static boolean allows(List<String> sources, String nonce, boolean script) {
		if (sources == null) {
			return true;
		}
		if (nonce != null && sources.contains("'nonce-" + nonce + "'")) {
			return true;
		}
		// 'strict-dynamic' makes browsers ignore 'self' and host sources for scripts.
		if (script && sources.contains("'strict-dynamic'")) {
			return false;
		}
		return sources.contains("'self'") || sources.contains("*");
	}

	private static List<String> sources(String policy, String... directives) {
		for (String directive : directives) {
			for (String part : policy.split(";")) {
				String[] tokens = part.trim().split("\\s+");
				if (tokens.length > 0 && tokens[0].toLowerCase(Locale.ROOT).equals(directive)) {
					List<String> sources = new ArrayList<>();
					for (int i = 1; i < tokens.length; i++) {
						String token = tokens[i];
						sources.add(token.startsWith("'") && !token.startsWith("'nonce-")
								? token.toLowerCase(Locale.ROOT) : token);
					}
					return sources;
				}
			}
		}
		return null;
	}

}
