package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer.
 */
@Entity
@Table(name = "jps_customer")
public class Customer {

	@Id
	private Long id;

	private String name;

	protected Customer() {
	}

	Customer(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
