package dev.querylens.demo.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A customer of the shop.
 */
@Entity
public class Customer {

	@Id
	private Long id;

	private String name;

	private String city;

	protected Customer() {
	}

	public Customer(Long id, String name, String city) {
		this.id = id;
		this.name = name;
		this.city = city;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getCity() {
		return this.city;
	}

}
