package dev.querylens.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.DetectorSettings;
import dev.querylens.analysis.FindingDetector;
import dev.querylens.analysis.IdentityKeyTables;
import dev.querylens.analysis.IgnoreRule;
import dev.querylens.analysis.IgnoreRules;
import dev.querylens.analysis.OpenInView;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.analysis.TransactionSettings;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.store.FindingLogger;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;
import dev.querylens.store.RecordingListener;
import dev.querylens.store.RecordingStore;

/**
 * Auto-configuration of QueryLens's core: every {@link DataSource} bean wrapped, the
 * analyzer (the built-in detectors and every {@link FindingDetector} bean of the
 * application), the store of recordings and the N+1 log.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(DataSource.class)
@ConditionalOnBooleanProperty(name = "querylens.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QueryLensProperties.class)
@Import(JpaAssociationConfiguration.class)
public final class QueryLensAutoConfiguration {

	@Bean
	static RecordingDataSourcePostProcessor recordingDataSourcePostProcessor(
			ObjectProvider<JdbcCaptureSettings> settings) {
		return new RecordingDataSourcePostProcessor(settings);
	}

	@Bean
	@ConditionalOnMissingBean
	JdbcCaptureSettings jdbcCaptureSettings(QueryLensProperties properties, BeanFactory beanFactory) {
		QueryLensProperties.Capture capture = properties.getCapture();
		return new JdbcCaptureSettings(capture.isParameters(), capture.getMaxParameterLength(),
				ApplicationCallSites.resolver(capture, beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	RecordingAnalyzer recordingAnalyzer(QueryLensProperties properties,
			ObjectProvider<AssociationResolver> associations, ObjectProvider<IdentityKeyTables> identityKeys,
			ObjectProvider<FindingDetector> applicationDetectors, Environment environment) {
		// Read, not bound: the property is Spring Boot's, and its advice must name the
		// value the app really has.
		DetectorSettings settings = new DetectorSettings(properties.getNPlusOne().getThreshold(),
				properties.getBatchableWrites().getThreshold(), properties.getUnboundedResult().getRows(),
				properties.getSlowQuery().getThreshold(), properties.getWideRows().getBytesPerRow(),
				properties.getWideRows().getMinRows(),
				OpenInView.of(environment.getProperty("spring.jpa.open-in-view")));
		List<IgnoreRule> ignoreRules = properties.getIgnore().stream().map(QueryLensProperties.Ignore::toRule).toList();
		return RecordingAnalyzer
			.withDefaultDetectors(settings, new TransactionSettings(properties.getConnectionChurn().getThreshold(),
					properties.getConnectionHeld().getThreshold(), properties.getConnectionHeld().getIdlePercent(),
					properties.getManyTransactions().getThreshold()),
					associations.getIfAvailable(AssociationResolver::none),
					identityKeys.getIfAvailable(IdentityKeyTables::none))
			.withAddedDetectors(applicationDetectors.orderedStream().toList())
			.withIgnoreRules(new IgnoreRules(ignoreRules, true));
	}

	@Bean
	@ConditionalOnMissingBean(RecordingStore.class)
	InMemoryRecordingStore inMemoryRecordingStore(QueryLensProperties properties) {
		return new InMemoryRecordingStore(properties.getStore().getMaxRecordings(),
				properties.getStore().getMaxTaskRecordings(), properties.getStore().getMaxSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	RecordingCollector recordingCollector(RecordingAnalyzer analyzer, RecordingStore store,
			ObjectProvider<RecordingListener> listeners, ObjectProvider<BackgroundAnalysis> background) {
		BackgroundAnalysis analysis = background.getIfAvailable();
		return new RecordingCollector(analyzer, store, listeners.orderedStream().toList(),
				(analysis != null) ? analysis.executor() : null);
	}

	// The fail action answers from the findings before the response leaves, so it keeps
	// the analysis on the request.
	@Bean
	@Conditional(BackgroundAnalysis.OnLeanModeCondition.class)
	BackgroundAnalysis queryLensBackgroundAnalysis() {
		return new BackgroundAnalysis();
	}

	@Bean
	@ConditionalOnProperty(name = "querylens.n-plus-one.action", havingValue = "log", matchIfMissing = true)
	FindingLogger findingLogger() {
		return new FindingLogger();
	}

	// Not @ConditionalOnMissingBean: Boot composes every TaskDecorator bean into its task
	// executors, so the
	// application's own decorators run beside this one instead of switching async
	// recording off.
	@Bean
	TaskDecorator recordingTaskDecorator() {
		return CurrentRecording::wrap;
	}

}
