package dev.querylens.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Decides who may see QueryLens in a browser: clients whose TCP peer address is in an
 * allowed range; unless forwarding headers are trusted, only requests that did not come
 * through a proxy; and only under an allowed host name, so that a web page whose name an
 * attacker points at 127.0.0.1 (DNS rebinding) cannot read the dashboard from the
 * developer's own browser.
 * <p>
 * Unless forwarding headers are trusted, the address and host judged are the ones the
 * servlet container received: the request is unwrapped first, so a filter that rewrote
 * them from forwarding headers (Spring's {@code ForwardedHeaderFilter}) changes nothing,
 * and a request the container itself rewrote from them (Tomcat's {@code RemoteIpValve})
 * is refused.
 */
public final class ToolbarAccess {

	private static final List<String> FORWARDING_HEADERS = List.of("forwarded", "x-real-ip");

	private static final String FORWARDING_HEADER_PREFIX = "x-forwarded-";

	// Set by Tomcat's RemoteIpValve and RemoteIpFilter on a request whose address they
	// took from a header.
	private static final String TOMCAT_FORWARDED_ATTRIBUTE = "org.apache.tomcat.request.forwarded";

	private final List<AddressRange> ranges;

	private final boolean trustForwardedHeaders;

	private final List<String> hosts;

	private final @Nullable String closedBecause;

	private ToolbarAccess(List<AddressRange> ranges, List<String> hosts, boolean trustForwardedHeaders,
			@Nullable String closedBecause) {
		this.ranges = ranges;
		this.hosts = hosts;
		this.trustForwardedHeaders = trustForwardedHeaders;
		this.closedBecause = closedBecause;
	}

	/**
	 * Creates the rule.
	 * @param allowedAddresses literal addresses or CIDR ranges ({@code 127.0.0.0/8},
	 * {@code ::1}, {@code 10.1.0.0/16}); host names are refused, so no lookup ever
	 * happens
	 * @param trustForwardedHeaders whether a request with a forwarding header may still
	 * be allowed
	 * @return the rule
	 * @throws IllegalArgumentException when an entry is not an address or a range
	 */
	public static ToolbarAccess of(List<String> allowedAddresses, boolean trustForwardedHeaders) {
		return of(allowedAddresses, List.of("localhost"), trustForwardedHeaders);
	}

	/**
	 * Creates the rule.
	 * @param allowedAddresses literal addresses or CIDR ranges ({@code 127.0.0.0/8},
	 * {@code ::1}, {@code 10.1.0.0/16}); host names are refused, so no lookup ever
	 * happens
	 * @param allowedHosts host names the request may be addressed to besides literal IP
	 * addresses ({@code localhost}; {@code *.example.test} for its subdomains)
	 * @param trustForwardedHeaders whether a request with a forwarding header may still
	 * be allowed
	 * @return the rule
	 * @throws IllegalArgumentException when an entry is not an address or a range
	 */
	public static ToolbarAccess of(List<String> allowedAddresses, List<String> allowedHosts,
			boolean trustForwardedHeaders) {
		List<AddressRange> ranges = new ArrayList<>();
		for (String entry : allowedAddresses) {
			ranges.add(AddressRange.parse(entry));
		}
		List<String> hosts = allowedHosts.stream().map((host) -> host.trim().toLowerCase(Locale.ROOT)).toList();
		return new ToolbarAccess(List.copyOf(ranges), hosts, trustForwardedHeaders, null);
	}

	/**
	 * Creates the rule that allows nobody.
	 * @param because why, completing "toolbar and dashboard off because …"
	 * @return the rule
	 */
	public static ToolbarAccess closed(String because) {
		return new ToolbarAccess(List.of(), List.of(), false, because);
	}

	/**
	 * Returns why this rule allows nobody.
	 * @return the reason, or {@code null} when it allows the clients it was given
	 */
	public @Nullable String getClosedBecause() {
		return this.closedBecause;
	}

	/**
	 * Whether the client of a request may see QueryLens.
	 * @param request the request
	 * @return whether it is allowed
	 */
	public boolean isAllowed(HttpServletRequest request) {
		if (this.closedBecause != null) {
			return false;
		}
		if (this.trustForwardedHeaders) {
			return isAllowedHost(request.getServerName()) && isAllowed(request.getRemoteAddr());
		}
		ServletRequest received = received(request);
		if (!(received instanceof HttpServletRequest container) || cameThroughProxy(container)) {
			return false;
		}
		return isAllowedHost(container.getServerName()) && isAllowed(container.getRemoteAddr());
	}

	// The request as the container made it: wrappers may report an address or host taken
	// from headers.
	private static ServletRequest received(ServletRequest request) {
		ServletRequest received = request;
		while (received instanceof ServletRequestWrapper wrapper) {
			received = wrapper.getRequest();
		}
		return received;
	}

	private static boolean cameThroughProxy(HttpServletRequest request) {
		if (request.getAttribute(TOMCAT_FORWARDED_ATTRIBUTE) != null) {
			return true;
		}
		Enumeration<String> names = request.getHeaderNames();
		while (names != null && names.hasMoreElements()) {
			if (isForwardingHeader(names.nextElement())) {
				return true;
			}
		}
		return false;
	}

	// Compared in place, ignoring case: asked for every header of every request shown a
	// header or a badge.
	private static boolean isForwardingHeader(String name) {
		for (int i = 0; i < FORWARDING_HEADERS.size(); i++) {
			if (FORWARDING_HEADERS.get(i).equalsIgnoreCase(name)) {
				return true;
			}
		}
		return name.regionMatches(true, 0, FORWARDING_HEADER_PREFIX, 0, FORWARDING_HEADER_PREFIX.length());
	}

	/**
	 * Whether a request addressed to this host name may see QueryLens: any literal IP
	 * address, or an allowed name.
	 * @param host the host the request names (its {@code Host} header, without the port)
	 * @return whether it is allowed
	 */
	public boolean isAllowedHost(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (AddressRange.literal(bare) != null) {
			return true;
		}
		String name = bare.toLowerCase(Locale.ROOT);
		for (String allowed : this.hosts) {
			if (allowed.equals(name) || (allowed.startsWith("*.") && name.endsWith(allowed.substring(1)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a peer address is in an allowed range.
	 * @param peerAddress a literal IPv4 or IPv6 address
	 * @return whether it is allowed; {@code false} for anything that is not a literal
	 * address
	 */
	public boolean isAllowed(String peerAddress) {
		byte[] address = AddressRange.literal(peerAddress);
		if (address == null) {
			return false;
		}
		for (AddressRange range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		if (this.closedBecause != null) {
			return "nobody (" + this.closedBecause + ")";
		}
		StringBuilder text = new StringBuilder();
		for (AddressRange range : this.ranges) {
			text.append((text.length() > 0) ? ", " : "").append(range);
		}
		return text + " under " + String.join(", ", this.hosts) + " or an IP address"
				+ (this.trustForwardedHeaders ? " (forwarding headers trusted)"
						: " (requests with Forwarded, X-Forwarded-* or X-Real-IP headers refused)");
	}

	private record AddressRange(String text, byte[] network, int prefixLength) {

		static AddressRange parse(String entry) {
			String trimmed = entry.trim();
			int slash = trimmed.indexOf('/');
			String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
			byte[] network = literal(address);
			if (network == null) {
				throw new IllegalArgumentException("'querylens.toolbar.allowed-addresses' entry '" + entry
						+ "' is not an IP address or a CIDR range");
			}
			int prefixLength = network.length * 8;
			if (slash >= 0) {
				try {
					prefixLength = Integer.parseInt(trimmed.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					prefixLength = -1;
				}
				if (prefixLength < 0 || prefixLength > network.length * 8) {
					throw new IllegalArgumentException(
							"'querylens.toolbar.allowed-addresses' entry '" + entry + "' has an invalid prefix length");
				}
			}
			return new AddressRange(trimmed, network, prefixLength);
		}

		// Only literal addresses: InetAddress would otherwise resolve a host name through
		// DNS.
		static byte[] literal(String address) {
			if (address == null || address.isEmpty()) {
				return null;
			}
			boolean ipv6 = address.indexOf(':') >= 0;
			for (int i = 0; i < address.length(); i++) {
				char c = address.charAt(i);
				boolean allowed = (c >= '0' && c <= '9') || c == '.' || (ipv6
						&& (c == ':' || c == '[' || c == ']' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
				if (!allowed) {
					return null;
				}
			}
			if (!ipv6) {
				byte[] canonical = canonicalIpv4(address);
				if (canonical != null) {
					return canonical;
				}
				if (dots(address) != 3) {
					return null;
				}
			}
			try {
				// An IPv4-mapped IPv6 address comes back as the IPv4 address, so
				// ::ffff:127.0.0.1 is loopback.
				return InetAddress.getByName(address).getAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}

		private static int dots(String address) {
			int dots = 0;
			for (int i = 0; i < address.length(); i++) {
				if (address.charAt(i) == '.') {
					dots++;
				}
			}
			return dots;
		}

		// The usual form of an IPv4 address (four decimal parts of 0 to 255, no leading
		// zeros) read without InetAddress, which costs more than the rest of the check;
		// any other form is left to InetAddress as before.
		private static byte @Nullable [] canonicalIpv4(String address) {
			byte[] bytes = new byte[4];
			int part = 0;
			int value = 0;
			int digits = 0;
			for (int i = 0; i <= address.length(); i++) {
				char c = (i < address.length()) ? address.charAt(i) : '.';
				if (c == '.') {
					if (digits == 0 || part == 4) {
						return null;
					}
					bytes[part++] = (byte) value;
					value = 0;
					digits = 0;
				}
				else {
					// Digits only, whatever the caller checked: another character's
					// arithmetic can fall in range.
					if (c < '0' || c > '9' || (digits > 0 && value == 0) || digits == 3) {
						return null;
					}
					value = value * 10 + (c - '0');
					digits++;
					if (value > 255) {
						return null;
					}
				}
			}
			return (part == 4) ? bytes : null;
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int bits = this.prefixLength;
			for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
				int mask = (bits >= 8) ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
				if ((address[i] & mask) != (this.network[i] & mask)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
