package dev.querylens.demo.lessons;

import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

/**
 * The page views: the large table.
 */
public interface PageViewRepository extends Repository<PageView, Long> {

	/**
	 * Loads every view into one list.
	 * @return every view
	 */
	@Query("select v from PageView v")
	List<PageView> findEverything();

	/**
	 * Streams every view from an open result set, fetched from the database 1000 rows at
	 * a time; must run in a transaction, and be closed.
	 * @return the views
	 */
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "1000"))
	@Query("select v from PageView v")
	Stream<PageView> streamEverything();

	/**
	 * Finds a visitor's views through the column with no index.
	 * @param visitorId the visitor
	 * @return the views, by id
	 */
	List<PageView> findByUnindexedVisitorIdOrderByIdAsc(long visitorId);

	/**
	 * Finds a visitor's views through the indexed column.
	 * @param visitorId the visitor
	 * @return the views, by id
	 */
	List<PageView> findByVisitorIdOrderByIdAsc(long visitorId);

	/**
	 * Counts the views.
	 * @return how many
	 */
	long count();

}
