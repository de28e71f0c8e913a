package dev.querylens.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.capture.Transaction;
import dev.querylens.transaction.RecordingTransactionListener;
import dev.querylens.transaction.TransactionListenerPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensTransactionAutoConfiguration}.
 */
class QueryLensTransactionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensTransactionAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:transaction-autoconfig-" + System.nanoTime());

	@Test
	void aTransactionManagerTheApplicationDefinesGetsTheListenerOnce() {
		this.contextRunner.withUserConfiguration(OwnTransactionManager.class).run((context) -> {
			JdbcTransactionManager transactionManager = context.getBean(JdbcTransactionManager.class);
			assertThat(transactionManager.getTransactionExecutionListeners())
				.containsOnlyOnce(context.getBean(RecordingTransactionListener.class));
			Recording.Started started = Recording.start(Kind.TEST, null, "transaction", null, 100);
			try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
				new TransactionTemplate(transactionManager).executeWithoutResult((status) -> {
				});
			}
			Recording recording = started.finish(0, null);
			assertThat(recording.getTransactions().getTransactions()).singleElement()
				.satisfies((transaction) -> assertThat(transaction.outcome()).isEqualTo(Transaction.Outcome.COMMIT));
		});
	}

	@Test
	void theTransactionManagerBootDefinesGetsTheListenerOnce() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
					TransactionAutoConfiguration.class))
			.run((context) -> assertThat(
					context.getBean(JdbcTransactionManager.class).getTransactionExecutionListeners())
				.containsOnlyOnce(context.getBean(RecordingTransactionListener.class)));
	}

	@Test
	void whenSwitchedOffNoListenerIsAdded() {
		this.contextRunner.withUserConfiguration(OwnTransactionManager.class)
			.withPropertyValues("querylens.capture.transactions=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RecordingTransactionListener.class);
				assertThat(context.getBean(JdbcTransactionManager.class).getTransactionExecutionListeners()).isEmpty();
			});
	}

	@Test
	void withoutSpringTransactionsNothingIsConfigured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.transaction"))
			.run((context) -> assertThat(context).doesNotHaveBean(TransactionListenerPostProcessor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTransactionManager {

		@Bean
		JdbcTransactionManager transactionManager(DataSource dataSource) {
			return new JdbcTransactionManager(dataSource);
		}

	}

}
