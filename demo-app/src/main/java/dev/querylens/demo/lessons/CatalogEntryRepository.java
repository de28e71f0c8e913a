package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Catalog entries, as whole entities or as projections of the columns a page needs.
 */
public interface CatalogEntryRepository extends Repository<CatalogEntry, Long> {

	/**
	 * Loads the entries as entities, long descriptions included.
	 * @return the entries, by id
	 */
	List<CatalogEntry> findAllByOrderByIdAsc();

	/**
	 * Loads only the columns of {@link CatalogSummary}.
	 * @return the summaries, by id
	 */
	List<CatalogSummary> findAllSummariesByOrderByIdAsc();

	/**
	 * Loads only the columns of {@link CatalogLine}, built by the query.
	 * @return the lines, by id
	 */
	@Query("select new dev.querylens.demo.lessons.CatalogLine(e.id, e.name, e.price) from CatalogEntry e order by e.id")
	List<CatalogLine> findAllLines();

}
