package dev.querylens.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo answers 503 until its seeders are done, as Boot's readiness state says, and its health all along.
 */
class SeedingGateTests {

	@Test
	void pagesWaitForTheSeedingAndHealthAnswersAllAlong() throws Exception {
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		StaticApplicationContext context = new StaticApplicationContext();
		SeedingGate gate = new SeedingGate(availability);
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.REFUSING_TRAFFIC));
		MockHttpServletResponse seeding = new MockHttpServletResponse();
		gate.doFilter(new MockHttpServletRequest("GET", "/orders/slow"), seeding, new MockFilterChain());
		assertThat(seeding.getStatus()).isEqualTo(503);
		assertThat(seeding.getHeader("Retry-After")).isEqualTo("1");
		assertThat(seeding.getContentAsString()).contains("still seeding");
		MockHttpServletResponse health = new MockHttpServletResponse();
		gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), health, new MockFilterChain());
		assertThat(health.getStatus()).isEqualTo(200);
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
		MockHttpServletResponse ready = new MockHttpServletResponse();
		gate.doFilter(new MockHttpServletRequest("GET", "/orders/slow"), ready, new MockFilterChain());
		assertThat(ready.getStatus()).isEqualTo(200);
		context.close();
	}

}
