package dev.querylens.demo.lessons;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The same movement keyed by an identity column: the database makes the key on insert, so
 * Hibernate must run each insert at once to learn it, and cannot batch them.
 */
@Entity
public class IdentityStockMovement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String run;

	private String sku;

	private int quantity;

	protected IdentityStockMovement() {
	}

	public IdentityStockMovement(String run, String sku, int quantity) {
		this.run = run;
		this.sku = sku;
		this.quantity = quantity;
	}

	public Long getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public int getQuantity() {
		return this.quantity;
	}

}
