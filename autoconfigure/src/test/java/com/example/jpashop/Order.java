package com.example.jpashop;

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
 * An order: a lazy to-one and a lazy collection.
 */
@Entity
@Table(name = "jps_order")
public class Order {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Customer customer;

	@OneToMany(mappedBy = "order")
	@OrderBy("id")
	private List<OrderItem> items = new ArrayList<>();

	protected Order() {
	}

	Order(Long id, Customer customer) {
		this.id = id;
		this.customer = customer;
	}

	public Long getId() {
		return this.id;
	}

	public Customer getCustomer() {
		return this.customer;
	}

	public List<OrderItem> getItems() {
		return this.items;
	}

}
