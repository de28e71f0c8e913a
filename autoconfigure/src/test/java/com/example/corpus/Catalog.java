package com.example.corpus;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corpus's JPA scenarios, each beside its nearest look-alike, as an application's
 * read-only service methods would write them.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	private final AuthorRepository authors;

	private final BookRepository books;

	private final ShelfRepository shelves;

	private final GenreRepository genres;

	private final ReviewRepository reviews;

	private final ManuscriptRepository manuscripts;

	private final EditionRepository editions;

	Catalog(AuthorRepository authors, BookRepository books, ShelfRepository shelves, GenreRepository genres,
			ReviewRepository reviews, ManuscriptRepository manuscripts, EditionRepository editions) {
		this.editions = editions;
		this.authors = authors;
		this.books = books;
		this.shelves = shelves;
		this.genres = genres;
		this.reviews = reviews;
		this.manuscripts = manuscripts;
	}

	public List<String> authorNames() {
		return this.books.findAllByOrderByIdAsc().stream().map((book) -> book.getAuthor().getName()).toList();
	}

	public List<String> authorNamesJoinFetched() {
		return this.books.findAllWithAuthors().stream().map((book) -> book.getAuthor().getName()).toList();
	}

	public List<String> authorNamesInOneBatch() {
		List<Book> all = this.books.findAllByOrderByIdAsc();
		// One IN (…) query for all the authors; the proxies then read the persistence
		// context.
		this.authors.findAllById(all.stream().map((book) -> book.getAuthor().getId()).distinct().toList());
		return all.stream().map((book) -> book.getAuthor().getName()).toList();
	}

	public List<Integer> reviewCounts() {
		return this.books.findAllByOrderByIdAsc().stream().map((book) -> book.getReviews().size()).toList();
	}

	public List<String> authorsAndReviewCounts() {
		List<String> rows = new ArrayList<>();
		for (Book book : this.books.findAllByOrderByIdAsc()) {
			rows.add(book.getAuthor().getName() + ": " + book.getReviews().size());
		}
		return rows;
	}

	public List<Integer> reviewCountsOfAPage() {
		return this.books.findAll(PageRequest.of(0, 6, Sort.by("id")))
			.stream()
			.map((book) -> book.getReviews().size())
			.toList();
	}

	public List<Integer> shelfSizes() {
		return this.shelves.findAllByOrderByIdAsc().stream().map((shelf) -> shelf.getBooks().size()).toList();
	}

	public int shelfSize(long id) {
		return this.shelves.findById(id).orElseThrow().getBooks().size();
	}

	public String titleReadTwice(long id) {
		// The second find reads the persistence context: one statement.
		this.books.findById(id).orElseThrow();
		return this.books.findById(id).orElseThrow().getTitle();
	}

	public long genreCount() {
		return this.genres.count();
	}

	@Transactional
	public int restock(long id) {
		Book book = this.books.findById(id).orElseThrow();
		book.setStock(book.getStock() + 1);
		return book.getStock();
	}

	@Transactional
	public int restockAtomically(long id) {
		return this.books.restock(id);
	}

	public List<Integer> everyReviewsStars() {
		return this.reviews.findAll().stream().map(Review::getStars).toList();
	}

	public List<Integer> reviewStarsOfAPage() {
		// A page as large as the table: the same rows, bounded by the query.
		return this.reviews.findAll(PageRequest.of(0, CorpusApplication.BOOKS * 2, Sort.by("id")))
			.stream()
			.map(Review::getStars)
			.toList();
	}

	public List<String> manuscriptTitles() {
		return this.manuscripts.findAllByOrderByIdAsc().stream().map(Manuscript::getTitle).toList();
	}

	public List<String> manuscriptTitlesAlone() {
		return this.manuscripts.findTitles();
	}

	public int manuscriptLength(long id) {
		return this.manuscripts.findById(id).orElseThrow().getText().length();
	}

	public List<String> editionTitles() {
		return this.editions.findAllByOrderByIdAsc().stream().map((edition) -> edition.getBook().getTitle()).toList();
	}

	public List<String> editionTitlesJoinFetched() {
		return this.editions.findAllWithBooks().stream().map((edition) -> edition.getBook().getTitle()).toList();
	}

}
