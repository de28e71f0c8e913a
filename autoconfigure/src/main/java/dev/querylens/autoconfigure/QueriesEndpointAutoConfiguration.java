package dev.querylens.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.querylens.actuate.QueriesEndpoint;
import dev.querylens.explain.QueryPlans;
import dev.querylens.store.RecordingStore;

/**
 * Auto-configuration of the {@code queries} actuator endpoint. Exposure and security
 * follow Spring Boot's rules for any endpoint; parameter values follow
 * {@code management.endpoint.queries.show-values} ({@code never} by default), as the
 * {@code env} endpoint's do.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnAvailableEndpoint(QueriesEndpoint.class)
@ConditionalOnBean(RecordingStore.class)
@EnableConfigurationProperties(QueriesEndpointProperties.class)
@Conditional(NotReactiveWebApplicationCondition.class)
public final class QueriesEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueriesEndpoint queriesEndpoint(RecordingStore store, QueriesEndpointProperties properties,
			ObjectProvider<QueryPlans> plans) {
		return new QueriesEndpoint(store, properties.getShowValues(), properties.getRoles(),
				plans.getIfAvailable(QueryPlans::none));
	}

}
