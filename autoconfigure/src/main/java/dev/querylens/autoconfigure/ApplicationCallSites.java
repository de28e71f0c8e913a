package dev.querylens.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

import dev.querylens.capture.CallSiteResolver;

/**
 * Builds the {@link CallSiteResolver} of the application: the packages Spring Boot
 * registered for it (those of its {@code @SpringBootApplication} class, kept by
 * {@link AutoConfigurationPackages}) and the configured includes are application code
 * first, the excludes come after. {@code capture} itself imports no Spring, so the
 * packages reach it as plain names.
 */
final class ApplicationCallSites {

	private ApplicationCallSites() {
	}

	static CallSiteResolver resolver(QueryLensProperties.Capture capture, BeanFactory beanFactory) {
		List<String> applicationPackages = new ArrayList<>();
		if (AutoConfigurationPackages.has(beanFactory)) {
			applicationPackages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		applicationPackages.addAll(capture.getCallSiteIncludes());
		return new CallSiteResolver(capture.getCallSite(), applicationPackages, capture.getCallSiteExcludes(),
				capture.getCallPathDepth());
	}

}
