package com.example.corpus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The corpus's Thymeleaf pages: what runs while a view renders.
 */
@Controller
@RequestMapping("/corpus/pages")
class CorpusPages {

	private final BookRepository books;

	private final ListingRepository listings;

	private final GenreRepository genres;

	private final FormatRepository formats;

	private final Catalog catalog;

	private final JdbcTemplate jdbc;

	CorpusPages(BookRepository books, ListingRepository listings, GenreRepository genres, FormatRepository formats,
			Catalog catalog, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.books = books;
		this.listings = listings;
		this.genres = genres;
		this.formats = formats;
		this.catalog = catalog;
	}

	@GetMapping("/books/1")
	String book(Model model) {
		model.addAttribute("book", this.books.findById(1L).orElseThrow());
		return "corpus/book";
	}

	@GetMapping("/books/1/with-author")
	String bookWithAuthor(Model model) {
		model.addAttribute("book", this.books.findWithAuthorById(1L).orElseThrow());
		return "corpus/book";
	}

	@GetMapping("/genres/count")
	String genreCountInTheView() {
		return "corpus/genre-count";
	}

	@GetMapping("/genres/count/in-the-model")
	String genreCountInTheModel(Model model) {
		model.addAttribute("genreCount", this.catalog.genreCount());
		return "corpus/genre-count-model";
	}

	@GetMapping("/listings/1/genre")
	String genreForm(Model model) {
		model.addAttribute("listing", this.listings.findById(1L).orElseThrow());
		model.addAttribute("genres", this.genres.findAllByOrderByNameAsc());
		return "corpus/listing-genre";
	}

	@GetMapping("/listings/1/format")
	String formatForm(Model model) {
		model.addAttribute("listing", this.listings.findById(1L).orElseThrow());
		model.addAttribute("formats", this.formats.findAllByOrderByNameAsc());
		return "corpus/listing-format";
	}

	@GetMapping("/listings/1/condition")
	String conditionForm(Model model) {
		model.addAttribute("listing", this.listings.findById(1L).orElseThrow());
		model.addAttribute("conditions", this.jdbc.query(ConditionFormatter.ALL,
				(row, number) -> new Condition(row.getLong(1), row.getString(2))));
		return "corpus/listing-condition";
	}

}
