package dev.querylens.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides who may see QueryLens in a browser: clients whose TCP peer address is in an allowed range, and, unless
 * forwarding headers are trusted, only requests that did not come through a proxy.
 */
public final class ToolbarAccess {

	private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

	private final List<AddressRange> ranges;

	private final boolean trustForwardedHeaders;

	private ToolbarAccess(List<AddressRange> ranges, boolean trustForwardedHeaders) {
		this.ranges = ranges;
		this.trustForwardedHeaders = trustForwardedHeaders;
	}

	/**
	 * Creates the rule.
	 * @param allowedAddresses literal addresses or CIDR ranges ({@code 127.0.0.0/8}, {@code ::1},
	 * {@code 10.1.0.0/16}); host names are refused, so no lookup ever happens
	 * @param trustForwardedHeaders whether a request with a forwarding header may still be allowed
	 * @return the rule
	 * @throws IllegalArgumentException when an entry is not an address or a range
	 */
	public static ToolbarAccess of(List<String> allowedAddresses, boolean trustForwardedHeaders) {
		List<AddressRange> ranges = new ArrayList<>();
		for (String entry : allowedAddresses) {
			ranges.add(AddressRange.parse(entry));
		}
		return new ToolbarAccess(List.copyOf(ranges), trustForwardedHeaders);
	}

	/**
	 * Whether the client of a request may see QueryLens.
	 * @param request the request
	 * @return whether it is allowed
	 */
	public boolean isAllowed(HttpServletRequest request) {
		if (!this.trustForwardedHeaders) {
			for (String header : FORWARDING_HEADERS) {
				if (request.getHeader(header) != null) {
					return false;
				}
			}
		}
		return isAllowed(request.getRemoteAddr());
	}

	/**
	 * Whether a peer address is in an allowed range.
	 * @param peerAddress a literal IPv4 or IPv6 address
	 * @return whether it is allowed; {@code false} for anything that is not a literal address
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
		StringBuilder text = new StringBuilder();
		for (AddressRange range : this.ranges) {
			text.append((text.length() > 0) ? ", " : "").append(range);
		}
		return text + (this.trustForwardedHeaders ? " (forwarding headers trusted)"
				: " (requests with forwarding headers refused)");
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
					throw new IllegalArgumentException("'querylens.toolbar.allowed-addresses' entry '" + entry
							+ "' has an invalid prefix length");
				}
			}
			return new AddressRange(trimmed, network, prefixLength);
		}

		// Only literal addresses: InetAddress would otherwise resolve a host name through DNS.
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
			if (!ipv6 && address.chars().filter((c) -> c == '.').count() != 3) {
				return null;
			}
			try {
				// An IPv4-mapped IPv6 address comes back as the IPv4 address, so ::ffff:127.0.0.1 is loopback.
				return InetAddress.getByName(address).getAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
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
