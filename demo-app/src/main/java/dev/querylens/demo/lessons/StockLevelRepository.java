package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock levels, changed one saved entity at a time or by one bulk statement.
 */
public interface StockLevelRepository extends JpaRepository<StockLevel, Long> {

	/**
	 * Loads every level.
	 * @return the levels, by id
	 */
	List<StockLevel> findAllByOrderByIdAsc();

	/**
	 * Sets every level's sale flag in one statement.
	 * @param onSale the flag
	 * @return rows changed
	 */
	@Transactional
	@Modifying
	@Query("update StockLevel s set s.onSale = :onSale")
	int markAllOnSale(boolean onSale);

	/**
	 * Counts the levels on sale.
	 * @return how many
	 */
	long countByOnSaleTrue();

}
