package dev.querylens.demo.lessons;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.querylens.demo.shop.Order;
import dev.querylens.demo.shop.OrderRepository;

/**
 * A quote for an order in another currency, whose exchange rate comes from a remote
 * service that takes {@link #REMOTE_CALL}: asked inside the transaction, the call keeps
 * the transaction's connection idle; asked before it, no connection waits for it.
 */
@Service
public class ConnectionHeldLesson {

	/** How long the simulated remote service takes to answer. */
	static final Duration REMOTE_CALL = Duration.ofMillis(600);

	private static final long ORDER = 1L;

	private final OrderRepository orders;

	private final TransactionTemplate readOnly;

	public ConnectionHeldLesson(OrderRepository orders, PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Reads the order, asks for the rate, then reads the customer, all in one
	 * transaction.
	 * @return the quote
	 */
	@Transactional(readOnly = true)
	public Quote callInsideTheTransaction() {
		Order order = this.orders.findById(ORDER).orElseThrow();
		BigDecimal rate = euroRate();
		return new Quote(order.getId(), order.getCustomer().getName(), rate);
	}

	/**
	 * Asks for the rate first, then reads the order and its customer in a transaction.
	 * @return the quote
	 */
	public Quote callBeforeTheTransaction() {
		BigDecimal rate = euroRate();
		return this.readOnly.execute((status) -> {
			Order order = this.orders.findById(ORDER).orElseThrow();
			return new Quote(order.getId(), order.getCustomer().getName(), rate);
		});
	}

	// Stands for a call to a slow remote service: the scenario itself, not a wait for
	// another thread.
	private static BigDecimal euroRate() {
		try {
			Thread.sleep(REMOTE_CALL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new BigDecimal("0.92");
	}

	/**
	 * An order's quote.
	 *
	 * @param order the order's id
	 * @param customer its customer's name
	 * @param euroRate the rate its total is quoted at
	 */
	public record Quote(long order, String customer, BigDecimal euroRate) {

	}

}
