package dev.querylens.analysis.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A product of the test shop; its supplier is a second association to {@link Customer}.
 */
@Entity
public class Product {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY)
	private Customer supplier;

	protected Product() {
	}

	public Product(String title, Customer supplier) {
		this.title = title;
		this.supplier = supplier;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Customer getSupplier() {
		return this.supplier;
	}

}
