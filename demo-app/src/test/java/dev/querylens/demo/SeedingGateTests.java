package dev.querylens.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo answers 503 until its seeders are done, as Boot's readiness state says.
 */
class SeedingGateTests {

	@Test
	void pagesWaitForTheSeeding() throws Exception {
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		StaticApplicationContext context = new StaticApplicationContext();
		context.getBeanFactory().registerSingleton("availability", availability);
		SeedingGate gate = new SeedingGate(context.getBeanProvider(ApplicationAvailability.class));
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.REFUSING_TRAFFIC));
		MockHttpServletResponse seeding = new MockHttpServletResponse();
		assertThat(gate.preHandle(new MockHttpServletRequest("GET", "/orders/slow"), seeding, this)).isFalse();
		assertThat(seeding.getStatus()).isEqualTo(503);
		assertThat(seeding.getHeader("Retry-After")).isEqualTo("1");
		assertThat(seeding.getContentAsString()).contains("still seeding");
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
		MockHttpServletResponse ready = new MockHttpServletResponse();
		assertThat(gate.preHandle(new MockHttpServletRequest("GET", "/orders/slow"), ready, this)).isTrue();
		assertThat(ready.getStatus()).isEqualTo(200);
		context.close();
	}

}
