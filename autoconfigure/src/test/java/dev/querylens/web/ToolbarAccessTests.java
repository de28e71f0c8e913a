package dev.querylens.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ToolbarAccess}.
 */
class ToolbarAccessTests {

	private final ToolbarAccess loopback = ToolbarAccess.of(List.of("127.0.0.0/8", "::1"), false);

	@Test
	void loopbackAddressesAreAllowedByDefault() {
		assertThat(this.loopback.isAllowed("127.0.0.1")).isTrue();
		assertThat(this.loopback.isAllowed("127.1.2.3")).isTrue();
		assertThat(this.loopback.isAllowed("::1")).isTrue();
		assertThat(this.loopback.isAllowed("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(this.loopback.isAllowed("::ffff:127.0.0.1")).isTrue();
	}

	@Test
	void otherAddressesAreNot() {
		assertThat(this.loopback.isAllowed("128.0.0.1")).isFalse();
		assertThat(this.loopback.isAllowed("10.0.0.1")).isFalse();
		assertThat(this.loopback.isAllowed("::2")).isFalse();
		assertThat(this.loopback.isAllowed("fe80::1")).isFalse();
	}

	@Test
	void ipv4AddressesAreReadPartByPart() {
		ToolbarAccess exact = ToolbarAccess.of(List.of("10.20.30.40/32", "255.255.255.255"), false);
		assertThat(exact.isAllowed("10.20.30.40")).isTrue();
		assertThat(exact.isAllowed("255.255.255.255")).isTrue();
		assertThat(exact.isAllowed("10.20.30.41")).isFalse();
		assertThat(exact.isAllowed("10.20.30.4")).isFalse();
		assertThat(exact.isAllowed("10.20.30.400")).isFalse();
		assertThat(exact.isAllowed("10.20.30.40.")).isFalse();
		assertThat(exact.isAllowed(".10.20.30.40")).isFalse();
		assertThat(exact.isAllowed("10..20.30")).isFalse();
		assertThat(exact.isAllowed("10.20.30.40.50")).isFalse();
		assertThat(this.loopback.isAllowed("127.0.0.256")).isFalse();
		assertThat(this.loopback.isAllowed("0.0.0.0")).isFalse();
		// Characters next to the digits (':' is '0' + 10, '/' is '0' - 1) are no part of
		// an address, even where their arithmetic would fall in range.
		assertThat(this.loopback.isAllowed("127.0.0.:")).isFalse();
		assertThat(this.loopback.isAllowed("127.0.0./")).isFalse();
		assertThat(this.loopback.isAllowed("127.0.0.1a")).isFalse();
		assertThat(this.loopback.isAllowed("127.0.0. 1")).isFalse();
	}

	@Test
	void anythingThatIsNotALiteralAddressIsRefusedWithoutALookup() {
		assertThat(this.loopback.isAllowed("localhost")).isFalse();
		assertThat(this.loopback.isAllowed("")).isFalse();
		assertThat(this.loopback.isAllowed((String) null)).isFalse();
		assertThat(this.loopback.isAllowed("127.1")).isFalse();
	}

	@Test
	void requestsMayBeAddressedToAnIpAddressOrAnAllowedHostNameOnly() {
		ToolbarAccess access = ToolbarAccess.of(List.of("127.0.0.0/8"), List.of("localhost", "*.test"), false);
		assertThat(access.isAllowedHost("localhost")).isTrue();
		assertThat(access.isAllowedHost("LOCALHOST")).isTrue();
		assertThat(access.isAllowedHost("127.0.0.1")).isTrue();
		assertThat(access.isAllowedHost("[::1]")).isTrue();
		assertThat(access.isAllowedHost("shop.test")).isTrue();
		assertThat(access.isAllowedHost("rebound.attacker.example")).isFalse();
		assertThat(access.isAllowedHost("localhost.attacker.example")).isFalse();
		assertThat(access.isAllowedHost("test")).isFalse();
		assertThat(access.isAllowedHost("")).isFalse();
		assertThat(access.isAllowedHost(null)).isFalse();
	}

	@Test
	void cidrRangesMatchOnTheirPrefix() {
		ToolbarAccess access = ToolbarAccess.of(List.of("10.1.0.0/16", "192.168.1.7", "2001:db8::/32", "172.16.0.0/12"),
				false);
		assertThat(access.isAllowed("10.1.200.3")).isTrue();
		assertThat(access.isAllowed("10.2.0.1")).isFalse();
		assertThat(access.isAllowed("192.168.1.7")).isTrue();
		assertThat(access.isAllowed("192.168.1.8")).isFalse();
		assertThat(access.isAllowed("2001:db8:1::5")).isTrue();
		assertThat(access.isAllowed("2001:db9::5")).isFalse();
		assertThat(access.isAllowed("172.31.255.255")).isTrue();
		assertThat(access.isAllowed("172.32.0.0")).isFalse();
		assertThat(access.isAllowed("127.0.0.1")).isFalse();
	}

	@Test
	void aZeroPrefixAllowsEveryAddressOfItsFamily() {
		ToolbarAccess access = ToolbarAccess.of(List.of("0.0.0.0/0"), false);
		assertThat(access.isAllowed("8.8.8.8")).isTrue();
		assertThat(access.isAllowed("::1")).isFalse();
	}

	@Test
	void invalidEntriesAreRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolbarAccess.of(List.of("localhost"), false))
			.withMessageContaining("'querylens.toolbar.allowed-addresses'");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolbarAccess.of(List.of("10.0.0.0/33"), false));
		assertThatIllegalArgumentException().isThrownBy(() -> ToolbarAccess.of(List.of("10.0.0.0/x"), false));
	}

	@Test
	void theRequestIsJudgedByItsPeerAddress() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		assertThat(this.loopback.isAllowed(request)).isTrue();
		request.setRemoteAddr("203.0.113.9");
		assertThat(this.loopback.isAllowed(request)).isFalse();
	}

	@Test
	void aForwardingHeaderMakesALoopbackPeerRemote() {
		for (String header : List.of("Forwarded", "X-Forwarded-For", "X-Real-IP")) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setRemoteAddr("127.0.0.1");
			request.addHeader(header, "127.0.0.1");
			assertThat(this.loopback.isAllowed(request)).as(header).isFalse();
		}
	}

	@Test
	void trustedForwardingHeadersLeaveTheJudgementToThePeerAddress() {
		ToolbarAccess trusting = ToolbarAccess.of(List.of("127.0.0.0/8"), true);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("X-Forwarded-For", "203.0.113.9");
		assertThat(trusting.isAllowed(request)).isTrue();
		request.setRemoteAddr("203.0.113.9");
		assertThat(trusting.isAllowed(request)).isFalse();
	}

	@Test
	void itDescribesItselfForTheStartUpLine() {
		assertThat(this.loopback).hasToString(
				"127.0.0.0/8, ::1 under localhost or an IP address (requests with Forwarded, X-Forwarded-* or X-Real-IP headers refused)");
		assertThat(ToolbarAccess.closed("the proxy says so")).hasToString("nobody (the proxy says so)");
	}

	@Test
	void theAddressJudgedIsTheOneTheContainerReceivedNotAWrappersRewrite() {
		MockHttpServletRequest received = new MockHttpServletRequest();
		received.setRemoteAddr("203.0.113.9");
		HttpServletRequestWrapper rewritten = new HttpServletRequestWrapper(received) {

			@Override
			public String getRemoteAddr() {
				return "127.0.0.1";
			}

		};
		assertThat(this.loopback.isAllowed(rewritten)).isFalse();
		received.setRemoteAddr("127.0.0.1");
		received.setServerName("rebound.attacker.example");
		HttpServletRequestWrapper renamed = new HttpServletRequestWrapper(received) {

			@Override
			public String getServerName() {
				return "localhost";
			}

		};
		assertThat(this.loopback.isAllowed(renamed)).isFalse();
	}

	@Test
	void everyForwardingHeaderAndTomcatsForwardedMarkCountAsAProxy() {
		for (String header : new String[] { "X-Forwarded-Host", "x-forwarded-proto", "X-Forwarded-Port",
				"X-Forwarded-Prefix", "FORWARDED", "x-real-ip" }) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setRemoteAddr("127.0.0.1");
			request.addHeader(header, "localhost");
			assertThat(this.loopback.isAllowed(request)).as(header).isFalse();
		}
		MockHttpServletRequest rewrittenByTomcat = new MockHttpServletRequest();
		rewrittenByTomcat.setRemoteAddr("127.0.0.1");
		rewrittenByTomcat.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);
		assertThat(this.loopback.isAllowed(rewrittenByTomcat)).isFalse();
	}

	@Test
	void aClosedRuleAllowsNobody() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		assertThat(this.loopback.isAllowed(request)).isTrue();
		assertThat(ToolbarAccess.closed("reason").isAllowed(request)).isFalse();
		assertThat(ToolbarAccess.closed("reason").getClosedBecause()).isEqualTo("reason");
		assertThat(this.loopback.getClosedBecause()).isNull();
	}

}
