package dev.querylens.autoconfigure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.jdbc.RecordingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordingDataSourcePostProcessor}: a recorded data source keeps its
 * bean's type.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecordingDataSourcePostProcessorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:post-processor-" + System.nanoTime());

	@Test
	void aBeanThatNeedsTheHikariPoolGetsItAndItsStatementsAreRecorded() {
		this.contextRunner.withPropertyValues("spring.datasource.hikari.maximum-pool-size=3")
			.withUserConfiguration(PoolReportConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HikariDataSource hikari = context.getBean(PoolReport.class).dataSource;
				assertThat(hikari).isSameAs(context.getBean(DataSource.class));
				assertThat(hikari.getMaximumPoolSize()).isEqualTo(3);
				Recording recording = record(hikari, "select 1");
				assertThat(hikari.getHikariPoolMXBean().getTotalConnections()).isPositive();
				assertThat(recording.getQueries()).extracting(QueryEvent::dataSource).containsExactly("dataSource");
				assertThat(recording.getConnectionCount()).isEqualTo(1);
			});
	}

	@Test
	void unwrapAndIsWrapperForAnswerForThePoolAndForQueryLensWrapper() {
		this.contextRunner.run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(HikariDataSource.class);
			assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
			assertThat(dataSource.unwrap(HikariDataSource.class)).isSameAs(dataSource);
			assertThat(dataSource.isWrapperFor(RecordingDataSource.class)).isTrue();
			RecordingDataSource recording = dataSource.unwrap(RecordingDataSource.class);
			assertThat(recording.getName()).isEqualTo("dataSource");
			assertThat(recording.getDelegate()).isInstanceOf(HikariDataSource.class).isNotSameAs(dataSource);
			assertThat(dataSource.isWrapperFor(SimpleDriverDataSource.class)).isFalse();
		});
	}

	@Test
	void closingTheContextClosesThePool() {
		HikariDataSource[] pool = new HikariDataSource[1];
		this.contextRunner.run((context) -> {
			pool[0] = context.getBean(HikariDataSource.class);
			record(pool[0], "select 1");
			assertThat(pool[0].isClosed()).isFalse();
		});
		assertThat(pool[0].isClosed()).isTrue();
	}

	@Test
	void bootsHikariMetricsStillBindToThePool() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, DataSourcePoolMetricsAutoConfiguration.class))
			.run((context) -> {
				HikariDataSource hikari = context.getBean(HikariDataSource.class);
				record(hikari, "select 1");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("hikaricp.connections.max").gauge()).isNotNull();
				assertThat(registry.find("jdbc.connections.max").tag("name", "dataSource").gauge()).isNotNull();
			});
	}

	@Test
	void aSimpleDriverDataSourceKeepsItsType() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QueryLensAutoConfiguration.class))
			.withBean("reports", SimpleDriverDataSource.class,
					() -> new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:simple-driver"))
			.run((context) -> {
				SimpleDriverDataSource dataSource = context.getBean(SimpleDriverDataSource.class);
				assertThat(AopUtils.isCglibProxy(dataSource)).isTrue();
				assertThat(dataSource.getUrl()).isEqualTo("jdbc:h2:mem:simple-driver");
				assertThat(record(dataSource, "select 1").getQueries()).extracting(QueryEvent::dataSource)
					.containsExactly("reports");
			});
	}

	@Test
	void aPoolSubclassBoundFromPropertiesKeepsItsTypeAndItsSettings() {
		this.contextRunner.withPropertyValues("app.datasource.pool-name=shop-pool")
			.withUserConfiguration(ShopDataSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ShopDataSource shop = context.getBean(ShopDataSourceUser.class).dataSource;
				assertThat(shop.getPoolName()).isEqualTo("shop-pool");
				assertThat(shop.describe()).isEqualTo("shop-pool");
				assertThat(record(shop, "select 1").getQueries()).extracting(QueryEvent::dataSource)
					.containsExactly("shopDataSource");
			});
	}

	@Test
	void aFinalDataSourceClassIsWrappedInsteadAndSaysSo(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QueryLensAutoConfiguration.class))
			.withBean("ledger", DataSource.class,
					() -> new FinalDataSource(
							new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:final-data-source")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(dataSource).isInstanceOf(RecordingDataSource.class);
				assertThat(dataSource.unwrap(FinalDataSource.class)).isInstanceOf(FinalDataSource.class);
				assertThat(record(dataSource, "select 1").getQueries()).extracting(QueryEvent::dataSource)
					.containsExactly("ledger");
			});
		assertThat(output).contains("QueryLens records data source 'ledger' through a wrapper",
				"its class " + FinalDataSource.class.getName() + " is final");
	}

	@Test
	void whenDisabledThePoolIsLeftAsItIs() {
		this.contextRunner.withPropertyValues("querylens.enabled=false").run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(AopUtils.isAopProxy(dataSource)).isFalse();
			assertThat(dataSource.getClass()).isEqualTo(HikariDataSource.class);
		});
	}

	static Recording record(DataSource dataSource, String sql) {
		Recording.Started started = Recording.start(Kind.TEST, null, "test", null, 100);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			new JdbcTemplate(dataSource).execute(sql);
		}
		Recording recording = started.finish(0, null);
		return recording;
	}

	@Configuration(proxyBeanMethods = false)
	static class PoolReportConfiguration {

		@Bean
		PoolReport poolReport(HikariDataSource dataSource) {
			return new PoolReport(dataSource);
		}

	}

	static class PoolReport {

		final HikariDataSource dataSource;

		PoolReport(HikariDataSource dataSource) {
			this.dataSource = dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShopDataSourceConfiguration {

		@Bean
		@ConfigurationProperties("app.datasource")
		ShopDataSource shopDataSource(DataSourceProperties properties) {
			return properties.initializeDataSourceBuilder().type(ShopDataSource.class).build();
		}

		@Bean
		ShopDataSourceUser shopDataSourceUser(ShopDataSource dataSource) {
			return new ShopDataSourceUser(dataSource);
		}

	}

	/**
	 * A pool of the application's own type, as some applications declare to bind their
	 * own settings.
	 */
	public static class ShopDataSource extends HikariDataSource {

		public String describe() {
			return getPoolName();
		}

	}

	static class ShopDataSourceUser {

		final ShopDataSource dataSource;

		ShopDataSourceUser(ShopDataSource dataSource) {
			this.dataSource = dataSource;
		}

	}

	/**
	 * A data source whose class cannot be subclassed.
	 */
	static final class FinalDataSource implements DataSource {

		private final DataSource delegate;

		FinalDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return this.delegate.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return this.delegate.getConnection(username, password);
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			if (iface.isInstance(this)) {
				return iface.cast(this);
			}
			throw new SQLException("Not a wrapper for " + iface);
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return iface.isInstance(this);
		}

	}

}
