package dev.querylens.demo.shop;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the shop at start-up with the same data every time: 10 customers, 20 products, 50
 * orders of 3 to 5 items.
 */
@Component
class ShopSeeder implements ApplicationRunner {

	static final int CUSTOMERS = 10;

	static final int PRODUCTS = 20;

	static final int ORDERS = 50;

	private static final String[] CITIES = { "Lyon", "Porto", "Gdańsk", "Leeds", "Graz" };

	private final EntityManager entityManager;

	ShopSeeder(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.entityManager.find(Customer.class, 1L) != null) {
			return;
		}
		Customer[] customers = new Customer[CUSTOMERS];
		for (int i = 0; i < CUSTOMERS; i++) {
			customers[i] = new Customer(i + 1L, "Customer " + (i + 1), CITIES[i % CITIES.length]);
			this.entityManager.persist(customers[i]);
		}
		Product[] products = new Product[PRODUCTS];
		for (int i = 0; i < PRODUCTS; i++) {
			products[i] = new Product(i + 1L, "Product " + (i + 1), BigDecimal.valueOf(250 + i * 125L, 2));
			this.entityManager.persist(products[i]);
		}
		long itemId = 1;
		LocalDate firstDay = LocalDate.of(2026, 1, 5);
		for (int i = 0; i < ORDERS; i++) {
			Order order = new Order(i + 1L, customers[i % CUSTOMERS], firstDay.plusDays(i));
			this.entityManager.persist(order);
			int itemCount = 3 + i % 3;
			for (int k = 0; k < itemCount; k++) {
				Product product = products[(i * 7 + k * 3) % PRODUCTS];
				this.entityManager
					.persist(new OrderItem(itemId++, order, product, 1 + (i + k) % 4, product.getPrice()));
			}
		}
	}

}
