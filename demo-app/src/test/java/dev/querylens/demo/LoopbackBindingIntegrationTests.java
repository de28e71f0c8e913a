package dev.querylens.demo;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo shows {@code /actuator/queries} with parameter values, so it answers on the
 * loopback interface only: a peer on the network cannot connect at all, while the same
 * port answers on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoopbackBindingIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answersOnLoopbackOnly() throws IOException {
		try (Socket loopback = new Socket()) {
			loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
			assertThat(loopback.isConnected()).isTrue();
		}
		List<InetAddress> interfaces = networkAddresses();
		assertThat(interfaces).as("a non-loopback address of this machine to connect from").isNotEmpty();
		for (InetAddress address : interfaces) {
			assertThatExceptionOfType(IOException.class).as("connecting to %s", address).isThrownBy(() -> {
				try (Socket remote = new Socket()) {
					remote.connect(new InetSocketAddress(address, this.port), 2000);
				}
			});
		}
	}

	private static List<InetAddress> networkAddresses() throws SocketException {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress()
					&& !address.isLinkLocalAddress())
			.toList();
	}

}
