package dev.querylens.autoconfigure;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingDetector;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.IgnoreRule;
import dev.querylens.analysis.IgnoreRules;
import dev.querylens.analysis.QueryLensIgnore;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.analysis.Severity;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.jdbc.RecordingDataSource;
import dev.querylens.store.FindingLogger;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link QueryLensAutoConfiguration}.
 */
class QueryLensAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-" + System.nanoTime());

	@Test
	void theDataSourceIsWrappedAndStillReachesThePool() {
		this.contextRunner.run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(HikariDataSource.class);
			assertThat(dataSource.unwrap(RecordingDataSource.class).getName()).isEqualTo("dataSource");
			assertThat(dataSource.unwrap(HikariDataSource.class)).isInstanceOf(HikariDataSource.class);
			assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
		});
	}

	@Test
	void whenDisabledThenTheDataSourceIsLeftUnwrappedAndNothingIsRegistered() {
		this.contextRunner.withPropertyValues("querylens.enabled=false").run((context) -> {
			assertThat(context.getBean(DataSource.class)).isExactlyInstanceOf(HikariDataSource.class);
			assertThat(context).doesNotHaveBean(RecordingCollector.class);
			assertThat(context).doesNotHaveBean(RecordingStore.class);
		});
	}

	@Test
	void everyDataSourceBeanIsWrappedUnderItsOwnName() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QueryLensAutoConfiguration.class))
			.withBean("orders", DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:orders"))
			.withBean("reports", DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:reports"))
			.run((context) -> {
				assertThat(context.getBeansOfType(DataSource.class)).hasSize(2);
				for (Map.Entry<String, DataSource> bean : context.getBeansOfType(DataSource.class).entrySet()) {
					assertThat(bean.getValue().unwrap(RecordingDataSource.class).getName()).isEqualTo(bean.getKey());
				}
			});
	}

	@Test
	void withoutJdbcOnTheClasspathNothingIsRegistered() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DataSource.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RecordingCollector.class));
	}

	@Test
	void theStoreKeepsAtMostTheConfiguredNumberOfRecordings() {
		this.contextRunner.withPropertyValues("querylens.store.max-recordings=7")
			.run((context) -> assertThat(context.getBean(InMemoryRecordingStore.class).getCapacity()).isEqualTo(7));
	}

	@Test
	void theStoreKeepsRecordingsWithinTheConfiguredSize() {
		this.contextRunner.withPropertyValues("querylens.store.max-size=3MB")
			.run((context) -> assertThat(context.getBean(InMemoryRecordingStore.class).getMaxSize())
				.isEqualTo(3L * 1024 * 1024));
	}

	@Test
	void theStoreSizeDefaultsTo64Megabytes() {
		this.contextRunner.run((context) -> assertThat(context.getBean(InMemoryRecordingStore.class).getMaxSize())
			.isEqualTo(64L * 1024 * 1024));
	}

	@Test
	void anInvalidStoreSizeFailsTheStartWithAClearMessage() {
		this.contextRunner.withPropertyValues("querylens.store.max-recordings=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("querylens.store.max-recordings"));
	}

	@Test
	void anApplicationStoreReplacesTheInMemoryOne() {
		RecordingStore custom = mock(RecordingStore.class);
		this.contextRunner.withBean(RecordingStore.class, () -> custom).run((context) -> {
			assertThat(context).doesNotHaveBean(InMemoryRecordingStore.class);
			assertThat(context.getBean(RecordingCollector.class).getStore()).isSameAs(custom);
		});
	}

	@Test
	void nPlusOnesAreLoggedByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(FindingLogger.class));
	}

	@Test
	void whenTheNPlusOneActionIsNoneThenNothingIsLogged() {
		this.contextRunner.withPropertyValues("querylens.n-plus-one.action=none")
			.run((context) -> assertThat(context).doesNotHaveBean(FindingLogger.class));
	}

	@Test
	void aTaskDecoratorCarriesTheRecordingBesideTheApplicationsOwn() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(TaskDecorator.class));
		TaskDecorator own = (task) -> task;
		this.contextRunner.withBean("ownTaskDecorator", TaskDecorator.class, () -> own)
			.run((context) -> assertThat(context.getBeansOfType(TaskDecorator.class)).hasSize(2)
				.containsEntry("ownTaskDecorator", own));
	}

	@Test
	void theWideRowsPropertiesReachTheDetector() {
		this.contextRunner.withPropertyValues("querylens.wide-rows.bytes-per-row=100", "querylens.wide-rows.min-rows=3")
			.run((context) -> {
				Recording recording = Recording.start(Kind.TEST, null, "t", null, 10);
				int index = recording.record("select d.id, d.body from document d", List.of(), 1, 0, 0, 1000, 1,
						"dataSource", null, null);
				recording.addRead(index, 3, 3 * 100, null);
				recording.finish(0, null);
				assertThat(context.getBean(RecordingAnalyzer.class).analyze(recording).findings())
					.extracting(Finding::type)
					.containsExactly(FindingType.WIDE_ROWS);
			});
	}

	@Test
	void anApplicationsFindingDetectorsRunAfterTheBuiltInOnes() {
		FindingDetector everyStatement = (groups) -> groups.getQueries()
			.stream()
			.map((query) -> finding(FindingType.SLOW_QUERY, null, null))
			.toList();
		FindingDetector none = (groups) -> List.of();
		this.contextRunner.withBean("everyStatement", FindingDetector.class, () -> everyStatement)
			.withBean("none", FindingDetector.class, () -> none)
			.run((context) -> {
				Recording recording = Recording.start(Kind.TEST, null, "t", null, 10);
				for (int i = 0; i < 2; i++) {
					recording.record("select name from customer where id = ?", List.of(1), 1, 1, 0, 1000, 1,
							"dataSource", null, null);
				}
				recording.finish(0, null);
				assertThat(context.getBean(RecordingAnalyzer.class).analyze(recording).findings())
					.extracting(Finding::type)
					.containsExactlyInAnyOrder(FindingType.DUPLICATE_QUERY, FindingType.SLOW_QUERY,
							FindingType.SLOW_QUERY);
			});
	}

	@Test
	void aWideRowsMinimumOfOneRowFailsTheStart() {
		this.contextRunner.withPropertyValues("querylens.wide-rows.min-rows=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'querylens.wide-rows.min-rows' must be at least 2"));
	}

	@Test
	void ignoreRulesBindFromIndexedProperties() {
		this.contextRunner.withPropertyValues("querylens.ignore[0].type=n-plus-one",
				"querylens.ignore[0].call-site=com.example.batch.*", "querylens.ignore[1].association=Order.customer",
				"querylens.ignore[2].fingerprint=select * from audit_event*")
			.run((context) -> {
				IgnoreRules rules = context.getBean(RecordingAnalyzer.class).getIgnoreRules();
				assertThat(rules.getRules()).containsExactly(
						new IgnoreRule(FindingType.N_PLUS_ONE, null, "com.example.batch.*", null),
						new IgnoreRule(null, null, null, "Order.customer"),
						new IgnoreRule(null, "select * from audit_event*", null, null));
				Finding batch = finding(FindingType.N_PLUS_ONE, "com.example.batch.Job.run(Job.java:3)", null);
				Finding customer = finding(FindingType.DUPLICATE_QUERY, "com.example.Web.home(Web.java:3)",
						"Order.customer");
				Finding other = finding(FindingType.DUPLICATE_QUERY, "com.example.batch.Job.run(Job.java:3)", null);
				Recording recording = Recording.start(Kind.TEST, null, "t", null, 10);
				assertThat(rules.apply(List.of(batch, customer, other), recording)).extracting(Finding::ignored)
					.containsExactly(true, true, false);
			});
	}

	@Test
	void withoutIgnoreRulesTheAnalyzerStillHonoursTheAnnotation() {
		this.contextRunner.run((context) -> {
			RecordingAnalyzer analyzer = context.getBean(RecordingAnalyzer.class);
			assertThat(analyzer.getIgnoreRules().getRules()).isEmpty();
			assertThat(analyzer.analyze(duplicateFrom("accepted")).findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.type()).isEqualTo(FindingType.DUPLICATE_QUERY);
				assertThat(finding.ignored()).isTrue();
			});
			assertThat(analyzer.analyze(duplicateFrom("reported")).findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.type()).isEqualTo(FindingType.DUPLICATE_QUERY);
				assertThat(finding.ignored()).isFalse();
			});
		});
	}

	private static Recording duplicateFrom(String method) {
		Recording recording = Recording.start(Kind.TEST, null, "t", null, 10);
		CallSite callSite = new CallSite(AcceptedDuplicates.class.getName(), method, "AcceptedDuplicates.java", 1);
		for (int i = 0; i < 2; i++) {
			recording.record("select name from customer where id = ?", List.of(1), 1, 1, 0, 1000, 1, "dataSource",
					callSite, null);
		}
		recording.finish(0, null);
		return recording;
	}

	@Test
	void anIgnoreRuleWithNothingToMatchFailsTheStartWithAClearMessage() {
		this.contextRunner.withPropertyValues("querylens.ignore[0].type=n-plus-one", "querylens.ignore[1].call-site=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"'querylens.ignore[1]' must have a 'type', 'fingerprint', 'call-site' or " + "'association'"));
	}

	private static Finding finding(FindingType type, String callSite, String association) {
		return new Finding(type, Severity.WARNING, "m", "select 1", 3, callSite, association, "s", List.of(0), false);
	}

	static class AcceptedDuplicates {

		@QueryLensIgnore(FindingType.DUPLICATE_QUERY)
		void accepted() {
		}

		void reported() {
		}

	}

}
