package com.example.corpus;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A summary of the catalog made of four of its read-only service methods, each a
 * transaction of its own unless one is open around them.
 */
@Service
public class CatalogSummary {

	private final Catalog catalog;

	CatalogSummary(Catalog catalog) {
		this.catalog = catalog;
	}

	public List<String> read() {
		return List.of(String.valueOf(this.catalog.genreCount()), String.valueOf(this.catalog.shelfSize(1)),
				String.valueOf(this.catalog.authorNamesJoinFetched().size()), this.catalog.titleReadTwice(2));
	}

	@Transactional(readOnly = true)
	public List<String> readInOneTransaction() {
		return read();
	}

}
