package dev.querylens.demo.lessons;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * View counters, changed by reading and writing back or by one atomic statement.
 */
public interface ViewCounterRepository extends JpaRepository<ViewCounter, Long> {

	/**
	 * Adds one to a counter in the database, whatever other transactions do.
	 * @param id the counter
	 * @return rows changed
	 */
	@Transactional
	@Modifying
	@Query("update ViewCounter c set c.views = c.views + 1 where c.id = :id")
	int increment(long id);

	/**
	 * Sets a counter back to zero.
	 * @param id the counter
	 * @return rows changed
	 */
	@Transactional
	@Modifying
	@Query("update ViewCounter c set c.views = 0 where c.id = :id")
	int reset(long id);

	/**
	 * Reads a counter's value alone.
	 * @param id the counter
	 * @return its views
	 */
	@Query("select c.views from ViewCounter c where c.id = :id")
	long viewsOf(long id);

}
