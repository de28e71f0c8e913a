package dev.querylens.transaction;

import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.ConfigurableTransactionManager;

/**
 * Adds the {@link RecordingTransactionListener} to every transaction manager that takes
 * listeners (all of Spring's: {@code DataSourceTransactionManager},
 * {@code JpaTransactionManager}, {@code JdbcTransactionManager}, …), so that no
 * transaction manager is replaced or proxied. Spring Boot already adds listener beans to
 * the transaction managers it defines; this covers those the application defines itself,
 * and adds the listener only once.
 */
public final class TransactionListenerPostProcessor implements BeanPostProcessor {

	private final Supplier<RecordingTransactionListener> listener;

	/**
	 * Creates a post-processor.
	 * @param listener gives the listener, asked for only when the first transaction
	 * manager is post-processed
	 */
	public TransactionListenerPostProcessor(Supplier<RecordingTransactionListener> listener) {
		this.listener = listener;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ConfigurableTransactionManager transactionManager) {
			RecordingTransactionListener added = this.listener.get();
			if (!transactionManager.getTransactionExecutionListeners().contains(added)) {
				transactionManager.addListener(added);
			}
		}
		return bean;
	}

}
