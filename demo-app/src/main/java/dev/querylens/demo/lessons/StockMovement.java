package dev.querylens.demo.lessons;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * A movement of stock, keyed by a sequence that hands out 100 ids per round trip:
 * Hibernate can batch its inserts.
 */
@Entity
public class StockMovement {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stock_movement_seq")
	@SequenceGenerator(name = "stock_movement_seq", sequenceName = "stock_movement_seq", allocationSize = 100)
	private Long id;

	private String run;

	private String sku;

	private int quantity;

	protected StockMovement() {
	}

	public StockMovement(String run, String sku, int quantity) {
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
