package dev.querylens.demo.shop;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * One view of an order's page, as a shop that keeps a viewing log saves it: a new entity
 * whose insert Hibernate leaves until its transaction commits.
 */
@Entity
public class OrderVisit {

	@Id
	@GeneratedValue
	private Long id;

	private long orderId;

	private Instant visitedAt;

	protected OrderVisit() {
	}

	OrderVisit(long orderId, Instant visitedAt) {
		this.orderId = orderId;
		this.visitedAt = visitedAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getOrderId() {
		return this.orderId;
	}

	public Instant getVisitedAt() {
		return this.visitedAt;
	}

}
