package dev.querylens.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.TransactionExecutionListener;

import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.transaction.RecordingTransactionListener;
import dev.querylens.transaction.TransactionListenerPostProcessor;

/**
 * Auto-configuration of the transactions in recordings: a listener on every Spring
 * transaction manager, switched by {@code querylens.capture.transactions}.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnClass(TransactionExecutionListener.class)
@ConditionalOnBean(JdbcCaptureSettings.class)
@ConditionalOnBooleanProperty(name = "querylens.capture.transactions", matchIfMissing = true)
public final class QueryLensTransactionAutoConfiguration {

	@Bean
	RecordingTransactionListener recordingTransactionListener(JdbcCaptureSettings settings) {
		return new RecordingTransactionListener(settings.callSites());
	}

	// Static, as a BeanPostProcessor must be; the listener is looked up only when the
	// first transaction manager is
	// post-processed, so that the beans it needs are not created early.
	@Bean
	static TransactionListenerPostProcessor transactionListenerPostProcessor(
			ObjectProvider<RecordingTransactionListener> listener) {
		return new TransactionListenerPostProcessor(listener::getObject);
	}

}
