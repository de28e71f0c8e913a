package dev.querylens.autoconfigure;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.querylens.actuate.QueriesEndpoint;
import dev.querylens.explain.QueryPlans;
import dev.querylens.store.RecordingStore;

/**
 * Auto-configuration of the {@code queries} actuator endpoint. Exposure and security follow Spring Boot's rules
 * for any endpoint; parameter values follow {@code management.endpoint.queries.show-values} ({@code never} by
 * default), as the {@code env} endpoint's do.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnAvailableEndpoint(QueriesEndpoint.class)
@ConditionalOnBean(RecordingStore.class)
public final class QueriesEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueriesEndpoint queriesEndpoint(RecordingStore store, Environment environment, ObjectProvider<QueryPlans> plans) {
		Show showValues = environment.getProperty("management.endpoint.queries.show-values", Show.class, Show.NEVER);
		Set<String> roles = Set.of(environment.getProperty("management.endpoint.queries.roles", String[].class,
				new String[0]));
		return new QueriesEndpoint(store, showValues, roles, plans.getIfAvailable(QueryPlans::none));
	}

}
