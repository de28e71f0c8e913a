package dev.querylens.demo.lessons;

import org.springframework.stereotype.Service;

/**
 * Putting every stock level on sale: saving each changed entity, or one
 * {@code @Modifying} update. Each run first takes every level off sale again, so it
 * starts from the same rows.
 */
@Service
public class BulkUpdateLesson {

	private final StockLevelRepository levels;

	public BulkUpdateLesson(StockLevelRepository levels) {
		this.levels = levels;
	}

	/**
	 * Loads the levels, changes each and saves it: each {@code save} is its own
	 * transaction and update.
	 * @return how many levels are on sale afterwards
	 */
	public OnSale saveEach() {
		this.levels.markAllOnSale(false);
		for (StockLevel level : this.levels.findAllByOrderByIdAsc()) {
			level.setOnSale(true);
			this.levels.save(level);
		}
		return new OnSale(this.levels.countByOnSaleTrue());
	}

	/**
	 * One {@code update … set on_sale = true}, no entity loaded.
	 * @return how many levels are on sale afterwards
	 */
	public OnSale bulkUpdate() {
		this.levels.markAllOnSale(false);
		this.levels.markAllOnSale(true);
		return new OnSale(this.levels.countByOnSaleTrue());
	}

	/**
	 * How many levels are on sale.
	 *
	 * @param levels the count
	 */
	public record OnSale(long levels) {

	}

}
