package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product with a stock level, for read-modify-write.
 */
@Entity
@Table(name = "jps_product")
public class Product {

	@Id
	private Long id;

	private String title;

	private int stock;

	protected Product() {
	}

	Product(Long id, String title, int stock) {
		this.id = id;
		this.title = title;
		this.stock = stock;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public int getStock() {
		return this.stock;
	}

	public void setStock(int stock) {
		this.stock = stock;
	}

}
