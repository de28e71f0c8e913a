package dev.querylens.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.querylens.metrics.RecordingMetrics;
import dev.querylens.metrics.RecordingObservationListener;
import dev.querylens.metrics.RecordingStoreMetrics;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;

/**
 * Auto-configuration of QueryLens's Micrometer meters ({@code querylens.*}) and of the
 * high-cardinality key values it adds to the HTTP server observation (its trace span; the
 * application's meters keep their tags), when Micrometer is in use.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(RecordingCollector.class)
@Conditional(NotReactiveWebApplicationCondition.class)
@ConditionalOnBooleanProperty(name = "querylens.metrics.enabled", matchIfMissing = true)
public final class QueryLensMetricsAutoConfiguration {

	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean
	RecordingMetrics recordingMetrics(MeterRegistry registry) {
		return new RecordingMetrics(registry);
	}

	@Bean
	@ConditionalOnBean(InMemoryRecordingStore.class)
	@ConditionalOnMissingBean
	RecordingStoreMetrics recordingStoreMetrics(InMemoryRecordingStore store) {
		return new RecordingStoreMetrics(store);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBean(ObservationRegistry.class)
	static final class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RecordingObservationListener recordingObservationListener(ObservationRegistry registry) {
			return new RecordingObservationListener(registry);
		}

	}

}
