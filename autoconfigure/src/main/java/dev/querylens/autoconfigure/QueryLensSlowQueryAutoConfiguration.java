package dev.querylens.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

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
		return new SlowQueryExplainer(store, new RecordedDataSources(beanFactory), MAX_PLANS);
	}

}
