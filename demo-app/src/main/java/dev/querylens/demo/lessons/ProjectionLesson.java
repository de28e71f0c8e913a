package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole entities, long column included, against projections of the columns the page
 * shows.
 */
@Service
@Transactional(readOnly = true)
public class ProjectionLesson {

	private final CatalogEntryRepository entries;

	public ProjectionLesson(CatalogEntryRepository entries) {
		this.entries = entries;
	}

	/**
	 * Loads the entries as entities, every description read and kept in the persistence
	 * context.
	 * @return the catalog lines
	 */
	public List<CatalogLine> entities() {
		return this.entries.findAllByOrderByIdAsc()
			.stream()
			.map((entry) -> new CatalogLine(entry.getId(), entry.getName(), entry.getPrice()))
			.toList();
	}

	/**
	 * Loads an interface projection: Spring Data selects its three columns.
	 * @return the catalog lines
	 */
	public List<CatalogLine> interfaceProjection() {
		return this.entries.findAllSummariesByOrderByIdAsc()
			.stream()
			.map((summary) -> new CatalogLine(summary.getId(), summary.getName(), summary.getPrice()))
			.toList();
	}

	/**
	 * Loads a record built by the query with {@code select new}.
	 * @return the catalog lines
	 */
	public List<CatalogLine> recordProjection() {
		return this.entries.findAllLines();
	}

}
