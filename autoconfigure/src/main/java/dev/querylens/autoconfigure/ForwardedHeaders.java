package dev.querylens.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Whether the application takes its clients' addresses and host names from forwarded
 * headers, by Spring Boot's own rule: {@code server.forward-headers-strategy} when it is
 * set, otherwise the active cloud platform's default (Boot turns the native strategy on
 * by itself on Kubernetes, Cloud Foundry, Heroku, …). Then the address a request reports
 * may be whatever a client wrote in a header, and no request can be told to be local.
 */
final class ForwardedHeaders {

	private ForwardedHeaders() {
	}

	/**
	 * Says why the application honours forwarded headers.
	 * @param environment the application's environment
	 * @return the reason, or {@code null} when it does not honour them
	 */
	static @Nullable String honouredBecause(Environment environment) {
		String strategy = Binder.get(environment).bind("server.forward-headers-strategy", String.class).orElse(null);
		if (strategy != null && !strategy.isBlank()) {
			String name = strategy.trim().toLowerCase(Locale.ROOT);
			return name.equals("none") ? null
					: "the application takes client addresses from forwarded headers (server.forward-headers-strategy="
							+ name + ")";
		}
		CloudPlatform platform = CloudPlatform.getActive(environment);
		if (platform != null && platform.isUsingForwardHeaders()) {
			return "the application takes client addresses from forwarded headers (Spring Boot turns "
					+ "server.forward-headers-strategy=native on for the " + platform + " platform it detected)";
		}
		return null;
	}

}
