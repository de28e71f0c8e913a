package dev.querylens.demo.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * An order placed by a customer, with its items.
 */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Customer customer;

	private LocalDate placedOn;

	@OneToMany(mappedBy = "order")
	@OrderBy("id")
	private List<OrderItem> items = new ArrayList<>();

	protected Order() {
	}

	public Order(Long id, Customer customer, LocalDate placedOn) {
		this.id = id;
		this.customer = customer;
		this.placedOn = placedOn;
	}

	public Long getId() {
		return this.id;
	}

	public Customer getCustomer() {
		return this.customer;
	}

	public LocalDate getPlacedOn() {
		return this.placedOn;
	}

	public List<OrderItem> getItems() {
		return this.items;
	}

	/**
	 * Returns the order's total, reading every item.
	 * @return the sum of the items' line totals
	 */
	public BigDecimal getTotal() {
		return this.items.stream().map(OrderItem::getLineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
