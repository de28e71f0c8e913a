package dev.querylens.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} until the demo has seeded its data: Tomcat accepts requests before the
 * seeders (application runners) are done, and a lesson page run then would show the numbers of half a database.
 * Boot's readiness state turns to accepting traffic once the runners have finished; the health endpoint answers all
 * along, so {@code /actuator/health/readiness} tells a script when to start.
 */
final class SeedingGate extends OncePerRequestFilter {

	private final ApplicationAvailability availability;

	SeedingGate(ApplicationAvailability availability) {
		this.availability = availability;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/actuator/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = "The demo is still seeding its data; try again in a second.\n".getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "1");
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
