package dev.querylens.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.data.RepositoryMethodPostProcessor;
import dev.querylens.hibernate.LazyLoadIntegrator;
import dev.querylens.hibernate.LazyLoadRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensHibernateAutoConfiguration}.
 */
class QueryLensHibernateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensHibernateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:hibernate-autoconfig-" + System.nanoTime());

	@Test
	void withHibernateTheListenersAreRegisteredWithTheApplicationsEntityManagerFactory() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(LazyLoadRecorder.class);
				SessionFactoryImplementor sessionFactory = context.getBean(EntityManagerFactory.class)
					.unwrap(SessionFactoryImplementor.class);
				for (EventType<?> type : List.of(EventType.INIT_COLLECTION, EventType.LOAD, EventType.POST_LOAD)) {
					assertThat(listenerClasses(sessionFactory, type)).as(type.eventName())
						.anyMatch((name) -> name.startsWith(LazyLoadRecorder.class.getName() + "$"));
				}
			});
	}

	@Test
	void withSpringDataRepositoriesNoteTheirRunningMethod() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(RepositoryMethodPostProcessor.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data"))
			.run((context) -> assertThat(context).doesNotHaveBean(RepositoryMethodPostProcessor.class)
				.hasSingleBean(LazyLoadRecorder.class));
	}

	@Test
	void withoutHibernateNoListenerIsRegisteredAndTheJdbcAnalysisStillRuns() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.hibernate")).run((context) -> {
			assertThat(context).doesNotHaveBean(LazyLoadRecorder.class);
			assertThat(context).doesNotHaveBean(HibernatePropertiesCustomizer.class);
			assertThat(context).hasSingleBean(RecordingAnalyzer.class);
		});
	}

	@Test
	void whenQueryLensIsDisabledNoListenerIsRegistered() {
		this.contextRunner.withPropertyValues("querylens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LazyLoadRecorder.class));
	}

	@Test
	void anIntegratorProviderTheApplicationSetIsKept() {
		this.contextRunner.run((context) -> {
			Integrator existing = new Integrator() {
			};
			Map<String, Object> properties = new HashMap<>();
			properties.put(LazyLoadIntegrator.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(existing));
			context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
			List<Integrator> integrators = ((IntegratorProvider) properties.get(LazyLoadIntegrator.INTEGRATOR_PROVIDER))
				.getIntegrators();
			assertThat(integrators).hasSize(2).first().isSameAs(existing);
			assertThat(integrators.get(1)).isInstanceOf(LazyLoadIntegrator.class);
		});
	}

	private static List<String> listenerClasses(SessionFactoryImplementor sessionFactory, EventType<?> type) {
		List<String> names = new ArrayList<>();
		for (Object listener : sessionFactory.getEventListenerRegistry().getEventListenerGroup(type).listeners()) {
			names.add(listener.getClass().getName());
		}
		return names;
	}

}
