package com.example.jpashop;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Data JPA application on Hibernate with every costly pattern the detectors know
 * and its fix, for integration tests over real HTTP: 12 orders of 4 customers, 2 items
 * each, each item its own product, 50 products in all, and 25 guides of 8,000 characters
 * of text each.
 */
@SpringBootApplication
public class JpaShopApplication {

	static final int ORDERS = 12;

	static final int CUSTOMERS = 4;

	static final int PRODUCTS = 50;

	static final int GUIDES = 25;

	static final int GUIDE_LENGTH = 8000;

	static final int TEAMS = 5;

	@Component
	static class Seeder implements ApplicationRunner {

		private final EntityManager entityManager;

		Seeder(EntityManager entityManager) {
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
				customers[i] = new Customer(i + 1L, "Customer " + (i + 1));
				this.entityManager.persist(customers[i]);
			}
			Product[] products = new Product[PRODUCTS];
			for (int i = 0; i < PRODUCTS; i++) {
				products[i] = new Product(i + 1L, "Product " + (i + 1), 100);
				this.entityManager.persist(products[i]);
			}
			long item = 1;
			for (int i = 0; i < ORDERS; i++) {
				Order order = new Order(i + 1L, customers[i % CUSTOMERS]);
				this.entityManager.persist(order);
				for (int k = 0; k < 2; k++) {
					this.entityManager.persist(new OrderItem(item, order, products[(int) item - 1]));
					item++;
				}
			}
			for (int i = 0; i < TEAMS; i++) {
				Team team = new Team(i + 1L, "Team " + (i + 1));
				this.entityManager.persist(team);
				for (int k = 0; k < 2; k++) {
					this.entityManager.persist(new Member(i * 2L + k + 1, team));
				}
			}
			for (int i = 0; i < GUIDES; i++) {
				String title = "Guide " + (i + 1);
				this.entityManager
					.persist(new Guide(i + 1L, title, (title + ". ").repeat(GUIDE_LENGTH).substring(0, GUIDE_LENGTH)));
			}
		}

	}

	@RestController
	static class ShopController {

		private final ShopService shop;

		private final String sleepSql;

		ShopController(ShopService shop, @Value("${jpashop.sleep-sql}") String sleepSql) {
			this.shop = shop;
			this.sleepSql = sleepSql;
		}

		@GetMapping("/report/{variant}")
		String report(@PathVariable String variant) {
			this.shop.sleep(variant.equals("fast") ? "select count(*) from jps_customer" : this.sleepSql);
			return variant;
		}

		@GetMapping("/customers/{variant}")
		List<String> customers(@PathVariable String variant) {
			return variant.equals("fast") ? this.shop.customersFast() : this.shop.customersSlow();
		}

		@GetMapping("/items/{variant}")
		List<Integer> items(@PathVariable String variant) {
			return switch (variant) {
				case "fast" -> this.shop.itemsFast();
				case "paged" -> this.shop.itemsPaged();
				case "after-join" -> this.shop.itemsAfterJoinFetch();
				default -> this.shop.itemsSlow();
			};
		}

		@GetMapping("/products/{variant}")
		List<String> products(@PathVariable String variant) {
			return switch (variant) {
				case "fast" -> this.shop.productsFast();
				case "paged" -> this.shop.productsPaged();
				default -> this.shop.productsSlow();
			};
		}

		@GetMapping("/teams/{variant}")
		int teams(@PathVariable String variant) {
			return switch (variant) {
				case "twice" -> this.shop.sameTeamTwice(1);
				case "two" -> this.shop.twoTeams(1, 2);
				default -> this.shop.allTeams();
			};
		}

		@GetMapping("/guides/{variant}")
		List<String> guides(@PathVariable String variant) {
			return variant.equals("fast") ? this.shop.guideTitlesFast() : this.shop.guideTitlesSlow();
		}

		@GetMapping("/guides/{id}/content")
		int guideContent(@PathVariable long id) {
			return this.shop.guideContent(id).length();
		}

		@PostMapping("/audit-events")
		int auditEvents() {
			return this.shop.auditEvents(10);
		}

		@PostMapping("/tags")
		int tags() {
			return this.shop.tags(10);
		}

		@PostMapping("/stock/{variant}/{id}")
		int takeStock(@PathVariable String variant, @PathVariable long id) {
			return variant.equals("fast") ? this.shop.takeStockFast(id, 1) : this.shop.takeStockSlow(id, 1);
		}

		@GetMapping("/catalogue/{variant}")
		int catalogue(@PathVariable String variant) {
			return variant.equals("paged") ? this.shop.firstProducts() : this.shop.allProducts();
		}

	}

}
