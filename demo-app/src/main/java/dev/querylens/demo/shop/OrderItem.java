package dev.querylens.demo.shop;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * One line of an order: a product and a quantity.
 */
@Entity
public class OrderItem {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Order order;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Product product;

	private int quantity;

	@Column(precision = 10, scale = 2)
	private BigDecimal unitPrice;

	protected OrderItem() {
	}

	public OrderItem(Long id, Order order, Product product, int quantity, BigDecimal unitPrice) {
		this.id = id;
		this.order = order;
		this.product = product;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	public Long getId() {
		return this.id;
	}

	public Order getOrder() {
		return this.order;
	}

	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public BigDecimal getLineTotal() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
