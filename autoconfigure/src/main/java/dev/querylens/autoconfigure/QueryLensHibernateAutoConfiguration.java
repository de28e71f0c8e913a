package dev.querylens.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.querylens.data.RepositoryMethodPostProcessor;
import dev.querylens.hibernate.LazyLoadIntegrator;
import dev.querylens.hibernate.LazyLoadRecorder;

/**
 * Auto-configuration of QueryLens's Hibernate listeners, registered through a
 * {@link HibernatePropertiesCustomizer} so that they apply to the application's
 * auto-configured entity manager factory only (an {@code Integrator} listed in
 * {@code META-INF/services} would apply to every session factory in the JVM). Without
 * Hibernate, N+1s are still found from the JDBC statements alone.
 */
@AutoConfiguration(before = QueryLensAutoConfiguration.class,
		beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = { "org.hibernate.integrator.spi.Integrator",
		"org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer" })
@ConditionalOnBooleanProperty(name = "querylens.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QueryLensProperties.class)
public final class QueryLensHibernateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LazyLoadRecorder queryLensLazyLoadRecorder(QueryLensProperties properties, BeanFactory beanFactory) {
		return new LazyLoadRecorder(ApplicationCallSites.resolver(properties.getCapture(), beanFactory));
	}

	@Bean
	HibernatePropertiesCustomizer queryLensHibernatePropertiesCustomizer(LazyLoadRecorder recorder) {
		LazyLoadIntegrator integrator = new LazyLoadIntegrator(recorder);
		return integrator::addTo;
	}

	// Static: a BeanPostProcessor is created before the beans it processes, and needs
	// nothing from this class.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport")
	static final class RepositoryMethodConfiguration {

		@Bean
		static RepositoryMethodPostProcessor queryLensRepositoryMethodPostProcessor() {
			return new RepositoryMethodPostProcessor();
		}

	}

}
