package dev.querylens.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ExposableEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.core.env.Environment;

/**
 * The paths, within the application, of the actuator endpoints the application's own
 * server serves, as Boot maps them: none on this server when
 * {@code management.server.port} puts them on another (except the additional paths a
 * health group asks for on this one), the whole base path when there is one, only the
 * endpoints' own paths when {@code management.endpoints.web.base-path=/}; under
 * {@code spring.mvc.servlet.path}.
 */
final class ActuatorEndpointPaths implements Supplier<List<String>> {

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	private final Environment environment;

	ActuatorEndpointPaths(ObjectProvider<PathMappedEndpoints> endpoints, Environment environment) {
		this.endpoints = endpoints;
		this.environment = environment;
	}

	@Override
	public List<String> get() {
		PathMappedEndpoints mapped = this.endpoints.getIfAvailable();
		if (mapped == null) {
			return List.of();
		}
		List<String> paths = new ArrayList<>();
		if (ManagementPortType.get(this.environment) == ManagementPortType.SAME) {
			// Boot turns a base path of "/" into "": then the endpoints sit among the
			// application's pages.
			String basePath = mapped.getBasePath();
			if (basePath.isEmpty()) {
				paths.addAll(mapped.getAllPaths());
			}
			else {
				paths.add(basePath);
			}
		}
		for (PathMappedEndpoint endpoint : mapped) {
			if (endpoint instanceof ExposableEndpoint<?> exposable) {
				paths.addAll(mapped.getAdditionalPaths(WebServerNamespace.SERVER, exposable.getEndpointId()));
			}
		}
		String servletPath = servletPath(this.environment.getProperty("spring.mvc.servlet.path", "/"));
		return paths.stream()
			.filter((path) -> !path.isEmpty() && !path.equals("/"))
			.map((path) -> servletPath + path)
			.toList();
	}

	private static String servletPath(String path) {
		String trimmed = path.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
	}

}
