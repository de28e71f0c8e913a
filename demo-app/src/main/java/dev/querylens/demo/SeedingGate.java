package dev.querylens.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers 503 with {@code Retry-After} until the demo has seeded its data: Tomcat accepts
 * requests before the seeders (application runners) are done, and a lesson page run then
 * would show the numbers of half a database. Boot's readiness state turns to accepting
 * traffic once the runners have finished; the actuator is not gated, so
 * {@code /actuator/health/readiness} tells a script when to start. An interceptor, not a
 * filter: it is off the stack by the time a statement runs, so no call site points at it.
 */
final class SeedingGate implements HandlerInterceptor {

	private final ObjectProvider<ApplicationAvailability> availability;

	SeedingGate(ObjectProvider<ApplicationAvailability> availability) {
		this.availability = availability;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		ApplicationAvailability state = this.availability.getIfAvailable();
		if (state == null || state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			return true;
		}
		byte[] body = "The demo is still seeding its data; try again in a second.\n".getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "1");
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		return false;
	}

}
