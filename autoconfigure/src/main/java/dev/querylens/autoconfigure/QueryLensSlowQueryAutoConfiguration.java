package dev.querylens.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.querylens.jdbc.RecordingDataSource;
import dev.querylens.store.RecordingStore;
import dev.querylens.store.SlowQueryExplainer;

/**
 * Auto-configuration of EXPLAIN for slow SELECTs, run off the request thread on the unwrapped data sources.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnBean(RecordingStore.class)
@ConditionalOnBooleanProperty(name = "querylens.slow-query.explain", matchIfMissing = true)
public final class QueryLensSlowQueryAutoConfiguration {

	// Fingerprints whose plan is kept: an application has a bounded set of statement shapes.
	private static final int MAX_PLANS = 500;

	@Bean
	@ConditionalOnMissingBean
	SlowQueryExplainer slowQueryExplainer(RecordingStore store, ListableBeanFactory beanFactory) {
		return new SlowQueryExplainer(store, (name) -> unwrapped(beanFactory, name), MAX_PLANS);
	}

	// Only a data source QueryLens wrapped has recorded statements; its delegate runs EXPLAIN unrecorded.
	private static DataSource unwrapped(ListableBeanFactory beanFactory, String name) {
		if (name == null || !beanFactory.containsBean(name)) {
			return null;
		}
		Object bean = beanFactory.getBean(name);
		return (bean instanceof RecordingDataSource recording) ? recording.getDelegate() : null;
	}

}
