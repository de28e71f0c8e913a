package com.example.corpus;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The corpus's JSON endpoints, one per scenario.
 */
@RestController
@RequestMapping("/corpus")
class CorpusController {

	private final Catalog catalog;

	private final Ledger ledger;

	private final AuthorRepository authors;

	private final BookRepository books;

	private final CatalogSummary summary;

	CorpusController(Catalog catalog, Ledger ledger, AuthorRepository authors, BookRepository books,
			CatalogSummary summary) {
		this.catalog = catalog;
		this.summary = summary;
		this.ledger = ledger;
		this.authors = authors;
		this.books = books;
	}

	@GetMapping("/books/authors")
	List<String> authorNames() {
		return this.catalog.authorNames();
	}

	@GetMapping("/books/authors/join-fetched")
	List<String> authorNamesJoinFetched() {
		return this.catalog.authorNamesJoinFetched();
	}

	@GetMapping("/books/authors/in-one-batch")
	List<String> authorNamesInOneBatch() {
		return this.catalog.authorNamesInOneBatch();
	}

	@GetMapping("/books/reviews")
	List<Integer> reviewCounts() {
		return this.catalog.reviewCounts();
	}

	@GetMapping("/books/authors-and-reviews")
	List<String> authorsAndReviewCounts() {
		return this.catalog.authorsAndReviewCounts();
	}

	@GetMapping("/books/reviews/paged")
	List<Integer> reviewCountsOfAPage() {
		return this.catalog.reviewCountsOfAPage();
	}

	@GetMapping("/shelves")
	List<Integer> shelfSizes() {
		return this.catalog.shelfSizes();
	}

	@GetMapping("/shelves/1")
	int shelfSize() {
		return this.catalog.shelfSize(1);
	}

	@GetMapping("/books/1/twice")
	String titleReadTwice() {
		return this.catalog.titleReadTwice(1);
	}

	@GetMapping("/books/1/restock")
	int restock() {
		return this.catalog.restock(1);
	}

	@GetMapping("/books/1/restock/atomically")
	int restockAtomically() {
		return this.catalog.restockAtomically(1);
	}

	@GetMapping("/books/2/restock/saved")
	int restockAndSave() {
		// No transaction here: save's own transaction flushes the change when it
		// commits, with no application frame in it.
		Book book = this.books.findById(2L).orElseThrow();
		book.setStock(book.getStock() + 1);
		return this.books.save(book).getStock();
	}

	@GetMapping("/authors/one-by-one")
	List<String> authorsOneByOne() {
		// Each repository call is a transaction of its own: no transaction around the
		// loop.
		List<String> names = new ArrayList<>();
		for (long id = 1; id <= CorpusApplication.AUTHORS; id++) {
			names.add(this.authors.findById(id).orElseThrow().getName());
		}
		return names;
	}

	@GetMapping("/jdbc/titles")
	List<String> titlesOneByOne() {
		return this.ledger.titlesOneByOne();
	}

	@GetMapping("/jdbc/titles/in-one-list")
	List<String> titlesInOneList() {
		return this.ledger.titlesInOneList();
	}

	@GetMapping("/jdbc/ratings")
	int rateOneByOne() {
		return this.ledger.rateOneByOne();
	}

	@GetMapping("/jdbc/ratings/in-one-batch")
	int rateInOneBatch() {
		return this.ledger.rateInOneBatch();
	}

	@GetMapping("/jdbc/ratings/without-transaction")
	int rateWithoutTransaction() {
		return this.ledger.rateWithoutTransaction();
	}

	@GetMapping("/jdbc/counts/without-transaction")
	List<Long> countsWithoutTransaction() {
		return this.ledger.countsWithoutTransaction();
	}

	@GetMapping("/jdbc/counts")
	List<Long> countsInOneTransaction() {
		return this.ledger.countsInOneTransaction();
	}

	@GetMapping("/jdbc/stocked/twice")
	long stockedTwice() {
		return this.ledger.stockedTwice();
	}

	@GetMapping("/reports/once")
	long reportOnce() {
		return this.ledger.reportOnce();
	}

	@GetMapping("/reports/twice")
	long reportTwice() {
		return this.ledger.reportTwice();
	}

	@GetMapping("/summary")
	List<String> summary() {
		return this.summary.read();
	}

	@GetMapping("/summary/in-one-transaction")
	List<String> summaryInOneTransaction() {
		return this.summary.readInOneTransaction();
	}

	@GetMapping("/reviews/stars")
	List<Integer> everyReviewsStars() {
		return this.catalog.everyReviewsStars();
	}

	@GetMapping("/reviews/stars/paged")
	List<Integer> reviewStarsOfAPage() {
		return this.catalog.reviewStarsOfAPage();
	}

	@GetMapping("/manuscripts/titles")
	List<String> manuscriptTitles() {
		return this.catalog.manuscriptTitles();
	}

	@GetMapping("/manuscripts/titles/alone")
	List<String> manuscriptTitlesAlone() {
		return this.catalog.manuscriptTitlesAlone();
	}

	@GetMapping("/manuscripts/1/length")
	int manuscriptLength() {
		return this.catalog.manuscriptLength(1);
	}

	@GetMapping("/jdbc/slow")
	int slowInTheDatabase() {
		return this.ledger.slowInTheDatabase();
	}

	@GetMapping("/jdbc/quoted")
	long quotedInTheTransaction() {
		return this.ledger.quotedInTheTransaction();
	}

	@GetMapping("/jdbc/quoted/before-the-transaction")
	long quotedBeforeTheTransaction() {
		return this.ledger.quotedBeforeTheTransaction();
	}

	@GetMapping("/editions")
	List<String> editionTitles() {
		return this.catalog.editionTitles();
	}

	@GetMapping("/editions/join-fetched")
	List<String> editionTitlesJoinFetched() {
		return this.catalog.editionTitlesJoinFetched();
	}

}
