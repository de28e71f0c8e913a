package dev.querylens.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import dev.querylens.analysis.Finding;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.jdbc.RecordingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Data source beans that delegate to other data source beans record each statement once,
 * at the pool, under the pool's bean name, so that EXPLAIN finds the pool that ran it.
 */
class StackedDataSourcesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueryLensAutoConfiguration.class));

	@Test
	void aLazyConnectionProxyOverThePoolRecordsEachStatementOnceUnderThePoolsName() {
		this.contextRunner.withUserConfiguration(LazyConfiguration.class).run((context) -> {
			DataSource lazy = context.getBean("lazy", DataSource.class);
			assertThat(lazy).isExactlyInstanceOf(LazyConnectionDataSourceProxy.class);
			// Its first connection reads the pool's defaults on a connection of its own.
			new JdbcTemplate(lazy).queryForObject("select 0", Integer.class);
			Recording recording = record(() -> new JdbcTemplate(lazy).queryForObject("select 1", Integer.class));
			assertThat(recording.getQueries()).extracting(QueryEvent::dataSource).containsExactly("pool");
			assertThat(recording.getConnectionCount()).isEqualTo(1);
			assertThat(context.getBean(RecordingAnalyzer.class).analyze(recording).findings()).isEmpty();
		});
	}

	@Test
	void aTransactionAwareProxyOverALazyProxyOverThePoolRecordsEachStatementOnce() {
		this.contextRunner.withUserConfiguration(LazyConfiguration.class)
			.withBean("transactionAware", DataSource.class,
					() -> new TransactionAwareDataSourceProxy(new LazyConnectionDataSourceProxy(pool("aware"))))
			.run((context) -> {
				DataSource transactionAware = context.getBean("transactionAware", DataSource.class);
				DataSource overBeans = new TransactionAwareDataSourceProxy(context.getBean("lazy", DataSource.class));
				Recording recording = record(() -> {
					new JdbcTemplate(transactionAware).queryForObject("select 1", Integer.class);
					new JdbcTemplate(overBeans).queryForObject("select 2", Integer.class);
				});
				// The first pool is no bean: its statements are recorded by the outermost
				// bean.
				assertThat(recording.getQueries()).extracting(QueryEvent::dataSource)
					.containsExactly("transactionAware", "pool");
			});
	}

	@Test
	void aRoutingDataSourceOverPoolBeansRecordsEachStatementOnceUnderThePoolThatRanIt() {
		this.contextRunner.withUserConfiguration(RoutingConfiguration.class).run((context) -> {
			DataSource router = context.getBean("router", DataSource.class);
			assertThat(router).isInstanceOf(Router.class);
			JdbcTemplate jdbc = new JdbcTemplate(router);
			Recording recording = record(() -> {
				Router.route("west", () -> jdbc.queryForObject("select 1", Integer.class));
				Router.route("east", () -> jdbc.queryForObject("select 2", Integer.class));
			});
			assertThat(recording.getQueries()).extracting(QueryEvent::dataSource).containsExactly("west", "east");
			assertThat(recording.getConnectionCount()).isEqualTo(2);
			assertThat(context.getBean(RecordingAnalyzer.class).analyze(recording).findings()).extracting(Finding::type)
				.isEmpty();
			// EXPLAIN looks the recorded name up: it must reach the pool that ran the
			// statement, not the router.
			RecordedDataSources recorded = new RecordedDataSources(context.getBeanFactory());
			assertThat(recorded.apply("west")).isInstanceOf(HikariDataSource.class)
				.isSameAs(context.getBean("west", DataSource.class).unwrap(RecordingDataSource.class).getDelegate())
				.satisfies((west) -> assertThat(((HikariDataSource) west).getJdbcUrl()).contains("west"));
		});
	}

	@Test
	void aPoolThatCannotHandOutAConnectionThroughARouterIsRecordedOnce() {
		this.contextRunner.withUserConfiguration(RoutingConfiguration.class).run((context) -> {
			HikariDataSource west = context.getBean("west", HikariDataSource.class);
			DataSource router = context.getBean("router", DataSource.class);
			try (Connection held = west.getConnection()) {
				Recording recording = record(() -> Router.route("west",
						() -> assertThatExceptionOfType(SQLTransientConnectionException.class)
							.isThrownBy(router::getConnection)));
				assertThat(recording.getConnectionFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.dataSource()).isEqualTo("west"));
				assertThat(recording.getConnectionFailureCount()).isEqualTo(1);
			}
		});
	}

	static HikariDataSource pool(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:stacked-" + name + "-" + System.nanoTime());
		pool.setMaximumPoolSize(1);
		pool.setConnectionTimeout(250);
		return pool;
	}

	static Recording record(Runnable work) {
		Recording.Started started = Recording.start(Kind.TEST, null, "test", null, 100);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			work.run();
		}
		Recording recording = started.finish(0, null);
		return recording;
	}

	@Configuration(proxyBeanMethods = false)
	static class LazyConfiguration {

		@Bean
		HikariDataSource pool() {
			return StackedDataSourcesTests.pool("pool");
		}

		@Bean
		@Primary
		LazyConnectionDataSourceProxy lazy(DataSource pool) {
			return new LazyConnectionDataSourceProxy(pool);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RoutingConfiguration {

		@Bean
		HikariDataSource east() {
			return StackedDataSourcesTests.pool("east");
		}

		@Bean
		HikariDataSource west() {
			return StackedDataSourcesTests.pool("west");
		}

		@Bean
		@Primary
		Router router(HikariDataSource east, HikariDataSource west) {
			Router router = new Router();
			router.setTargetDataSources(Map.of("east", east, "west", west));
			router.setDefaultTargetDataSource(east);
			return router;
		}

	}

	/**
	 * Routes by a key the calling thread sets, as applications route reads to a replica.
	 */
	static class Router extends AbstractRoutingDataSource {

		private static final ThreadLocal<String> key = new ThreadLocal<>();

		static void route(String target, Runnable work) {
			key.set(target);
			try {
				work.run();
			}
			finally {
				key.remove();
			}
		}

		@Override
		protected Object determineCurrentLookupKey() {
			return key.get();
		}

	}

}
