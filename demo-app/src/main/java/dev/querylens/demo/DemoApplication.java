package dev.querylens.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A small shop that runs the ORM performance tutorial the slow way and the fast way, with QueryLens measuring
 * each.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

	// First of all filters: a request refused while seeding is not recorded either.
	@Bean
	FilterRegistrationBean<SeedingGate> seedingGate(ApplicationAvailability availability) {
		FilterRegistrationBean<SeedingGate> registration = new FilterRegistrationBean<>(new SeedingGate(availability));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
