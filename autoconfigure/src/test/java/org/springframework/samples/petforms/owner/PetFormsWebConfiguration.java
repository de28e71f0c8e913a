package org.springframework.samples.petforms.owner;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the pet type formatter with Spring MVC's conversion service, so that data
 * binding and the form's {@code th:field} use it.
 */
@Configuration(proxyBeanMethods = false)
public class PetFormsWebConfiguration implements WebMvcConfigurer {

	private final PetTypeRepository types;

	public PetFormsWebConfiguration(PetTypeRepository types) {
		this.types = types;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatter(new PetTypeFormatter(this.types));
	}

}
