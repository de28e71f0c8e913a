package dev.querylens.demo.lessons;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * How many of a SKU the shop holds, and whether it is on sale: the rows the bulk-update
 * lesson changes.
 */
@Entity
public class StockLevel {

	@Id
	private Long id;

	private String sku;

	private int quantity;

	private boolean onSale;

	protected StockLevel() {
	}

	public StockLevel(Long id, String sku, int quantity) {
		this.id = id;
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

	public boolean isOnSale() {
		return this.onSale;
	}

	public void setOnSale(boolean onSale) {
		this.onSale = onSale;
	}

}
