package dev.querylens.toolbar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Lets a test speak from a TCP peer other than loopback: a Tomcat valve, first of all the
 * engine's valves (before Boot's {@code RemoteIpValve}), gives the request the address
 * named in the test's {@value #HEADER} header and removes that header, exactly as if the
 * connection had come from there.
 */
@Configuration(proxyBeanMethods = false)
class RemotePeer {

	/** The request header naming the peer address the request is to come from. */
	static final String HEADER = "X-Test-Peer";

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> remotePeerValve() {
		return (factory) -> {
			List<Valve> valves = new ArrayList<>(factory.getEngineValves());
			valves.add(0, new PeerValve());
			factory.setEngineValves(valves);
		};
	}

	static final class PeerValve extends ValveBase {

		PeerValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String peer = request.getHeader(HEADER);
			if (peer != null) {
				request.setRemoteAddr(peer);
				request.setRemoteHost(peer);
				request.getCoyoteRequest().getMimeHeaders().removeHeader(HEADER);
			}
			getNext().invoke(request, response);
		}

	}

}
