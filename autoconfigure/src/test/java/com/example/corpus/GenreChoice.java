package com.example.corpus;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request parameter bound by {@link GenreFormatter} after a {@code @ModelAttribute}
 * method loaded the genres, as PetClinic's pet form binds a pet's type on submit.
 */
@RestController
class GenreChoice {

	private final GenreRepository genres;

	GenreChoice(GenreRepository genres) {
		this.genres = genres;
	}

	@ModelAttribute("genres")
	List<Genre> genres() {
		return this.genres.findAllByOrderByNameAsc();
	}

	@GetMapping("/corpus/genres/chosen")
	String chosen(@RequestParam("genre") Genre genre) {
		return genre.getName();
	}

}
