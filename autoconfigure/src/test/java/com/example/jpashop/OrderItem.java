package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A line of an order, with a lazy product: the second level of a nested N+1.
 */
@Entity
@Table(name = "jps_order_item")
public class OrderItem {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Order order;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Product product;

	protected OrderItem() {
	}

	OrderItem(Long id, Order order, Product product) {
		this.id = id;
		this.order = order;
		this.product = product;
	}

	public Product getProduct() {
		return this.product;
	}

}
