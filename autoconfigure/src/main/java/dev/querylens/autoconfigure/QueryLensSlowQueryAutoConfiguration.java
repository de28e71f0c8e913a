package dev.querylens.autoconfigure;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.querylens.explain.QueryExplainer;
import dev.querylens.explain.QueryPlans;
import dev.querylens.explain.SlowQueryExplainer;
import dev.querylens.store.RecordingListener;
import dev.querylens.store.RecordingStore;

/**
 * Auto-configuration of EXPLAIN for slow SELECTs, run off the request thread on the
 * unwrapped data sources, with the plans kept in a bounded {@link QueryPlans} that the
 * reports read.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnBean(RecordingStore.class)
@ConditionalOnBooleanProperty(name = "querylens.slow-query.explain", matchIfMissing = true)
public final class QueryLensSlowQueryAutoConfiguration {

	// Fingerprints whose plan is kept: an application has a bounded set of statement
	// shapes.
	private static final int MAX_PLANS = 500;

	// Slow statements waiting for their EXPLAIN; past this, a later recording of the
	// statement tries again.
	private static final int MAX_WAITING = 100;

	@Bean
	@ConditionalOnMissingBean
	QueryPlans queryPlans() {
		return new QueryPlans(MAX_PLANS);
	}

	@Bean
	@ConditionalOnMissingBean
	SlowQueryExplainer slowQueryExplainer(ObjectProvider<QueryExplainer> explainer, QueryPlans plans,
			ListableBeanFactory beanFactory) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(MAX_WAITING), (task) -> {
					Thread thread = new Thread(task, "querylens-explain");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		return new SlowQueryExplainer(
				explainer.getIfAvailable(() -> new QueryExplainer(new RecordedDataSources(beanFactory))), plans,
				executor);
	}

	@Bean
	RecordingListener slowQueryPlanListener(SlowQueryExplainer explainer) {
		return explainer::explainSlowQueries;
	}

}
