package dev.querylens.demo.lessons;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.querylens.demo.shop.CustomerRepository;
import dev.querylens.demo.shop.OrderItemRepository;
import dev.querylens.demo.shop.OrderRepository;
import dev.querylens.demo.shop.ProductRepository;

/**
 * A summary of five tables read through Spring Data repositories, whose methods are each
 * transactional: called with no transaction around them, each call is a transaction of
 * its own; called from one read-only transaction, they all join it.
 */
@Service
public class TransactionLesson {

	private final CustomerRepository customers;

	private final ProductRepository products;

	private final OrderRepository orders;

	private final OrderItemRepository items;

	private final StockLevelRepository stockLevels;

	public TransactionLesson(CustomerRepository customers, ProductRepository products, OrderRepository orders,
			OrderItemRepository items, StockLevelRepository stockLevels) {
		this.customers = customers;
		this.products = products;
		this.orders = orders;
		this.items = items;
		this.stockLevels = stockLevels;
	}

	/**
	 * Counts each table in a transaction of its own: the repositories' own.
	 * @return the counts
	 */
	public Summary aTransactionPerCall() {
		return summary();
	}

	/**
	 * Counts every table in one read-only transaction, which the repositories' methods
	 * join.
	 * @return the counts
	 */
	@Transactional(readOnly = true)
	public Summary oneTransaction() {
		return summary();
	}

	private Summary summary() {
		return new Summary(this.customers.count(), this.products.count(), this.orders.count(), this.items.count(),
				this.stockLevels.count());
	}

	/**
	 * How many rows each table has.
	 *
	 * @param customers customers
	 * @param products products
	 * @param orders orders
	 * @param items order items
	 * @param stockLevels the lessons' stock levels
	 */
	public record Summary(long customers, long products, long orders, long items, long stockLevels) {

	}

}
