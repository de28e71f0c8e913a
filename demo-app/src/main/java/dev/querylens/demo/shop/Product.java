package dev.querylens.demo.shop;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Something the shop sells.
 */
@Entity
public class Product {

	@Id
	private Long id;

	private String name;

	@Column(precision = 10, scale = 2)
	private BigDecimal price;

	protected Product() {
	}

	public Product(Long id, String name, BigDecimal price) {
		this.id = id;
		this.name = name;
		this.price = price;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

}
