package dev.querylens.demo.lessons;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A second data source on the same database with no pool, for the connection-pool lesson.
 * Not a default candidate, so the application's pooled {@code dataSource} stays the one
 * injected everywhere else; it is still a bean, so QueryLens wraps and records it under
 * its own name.
 */
@Configuration(proxyBeanMethods = false)
class UnpooledDataSourceConfiguration {

	@Bean(defaultCandidate = false)
	DriverManagerDataSource unpooledDataSource(DataSourceProperties properties) {
		return new DriverManagerDataSource(properties.determineUrl(), properties.determineUsername(),
				properties.determinePassword());
	}

}
