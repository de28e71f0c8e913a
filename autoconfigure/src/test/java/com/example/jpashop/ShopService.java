package com.example.jpashop;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each costly pattern, and its fixed version.
 */
@Service
@Transactional
public class ShopService {

	private final OrderRepository orders;

	private final ProductRepository products;

	private final AuditEventRepository auditEvents;

	private final TagRepository tags;

	private final JdbcTemplate jdbc;

	private final GuideRepository guides;

	private final TeamRepository teams;

	private final EntityManager entityManager;

	ShopService(OrderRepository orders, ProductRepository products, AuditEventRepository auditEvents,
			TagRepository tags, JdbcTemplate jdbc, GuideRepository guides, TeamRepository teams,
			EntityManager entityManager) {
		this.teams = teams;
		this.entityManager = entityManager;
		this.orders = orders;
		this.products = products;
		this.auditEvents = auditEvents;
		this.tags = tags;
		this.jdbc = jdbc;
		this.guides = guides;
	}

	public List<String> guideTitlesSlow() {
		return this.guides.findAllByOrderByIdAsc().stream().map(Guide::getTitle).toList();
	}

	public List<String> guideTitlesFast() {
		return this.guides.findAllTitlesByOrderByIdAsc().stream().map(GuideRepository.GuideTitle::getTitle).toList();
	}

	public String guideContent(long id) {
		return this.guides.findById(id).orElseThrow().getContent();
	}

	public List<String> customersSlow() {
		return this.orders.findAllByOrderByIdAsc().stream().map((order) -> order.getCustomer().getName()).toList();
	}

	public List<String> customersFast() {
		return this.orders.findAllWithCustomer().stream().map((order) -> order.getCustomer().getName()).toList();
	}

	public List<Integer> itemsSlow() {
		return this.orders.findAllByOrderByIdAsc().stream().map((order) -> order.getItems().size()).toList();
	}

	public List<Integer> itemsFast() {
		return this.orders.findAllWithItems().stream().map((order) -> order.getItems().size()).toList();
	}

	public List<Integer> itemsAfterJoinFetch() {
		return this.orders.findAllWithCustomer().stream().map((order) -> order.getItems().size()).toList();
	}

	public List<Integer> itemsPaged() {
		return this.orders.findAllBy(PageRequest.of(0, 6, Sort.by("id")))
			.stream()
			.map((order) -> order.getItems().size())
			.toList();
	}

	public List<String> productsSlow() {
		return productTitles(this.orders.findAllByOrderByIdAsc());
	}

	public List<String> productsFast() {
		return productTitles(this.orders.findAllWithItemsAndProducts());
	}

	public List<String> productsPaged() {
		return productTitles(this.orders.findAllBy(PageRequest.of(0, 6, Sort.by("id"))).getContent());
	}

	public int allTeams() {
		return this.teams.findAllByOrderByIdAsc().stream().mapToInt((team) -> team.getMembers().size()).sum();
	}

	// The persistence context is cleared between the calls, as batch code does, so the
	// second one runs SQL again.
	public int sameTeamTwice(long id) {
		int members = this.teams.findById(id).orElseThrow().getMembers().size();
		this.entityManager.clear();
		return members + this.teams.findById(id).orElseThrow().getMembers().size();
	}

	public int twoTeams(long first, long second) {
		int members = this.teams.findById(first).orElseThrow().getMembers().size();
		this.entityManager.clear();
		return members + this.teams.findById(second).orElseThrow().getMembers().size();
	}

	private static List<String> productTitles(List<Order> orders) {
		List<String> titles = new ArrayList<>();
		for (Order order : orders) {
			for (OrderItem item : order.getItems()) {
				titles.add(item.getProduct().getTitle());
			}
		}
		return titles;
	}

	public int auditEvents(int count) {
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(new AuditEvent("event " + i));
		}
		return this.auditEvents.saveAll(events).size();
	}

	public int tags(int count) {
		List<Tag> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			created.add(new Tag("tag " + i));
		}
		return this.tags.saveAll(created).size();
	}

	public int takeStockSlow(long id, int quantity) {
		Product product = this.products.findById(id).orElseThrow();
		product.setStock(product.getStock() - quantity);
		this.products.flush();
		return product.getStock();
	}

	public int takeStockFast(long id, int quantity) {
		return this.products.takeStock(id, quantity);
	}

	public int allProducts() {
		return this.products.findAll().size();
	}

	public int firstProducts() {
		return this.products.findAll(PageRequest.of(0, 10, Sort.by("id"))).getNumberOfElements();
	}

	public void sleep(String sql) {
		this.jdbc.queryForList(sql);
	}

}
