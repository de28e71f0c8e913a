package com.example.corpus;

import java.text.ParseException;
import java.util.Locale;

import org.springframework.format.Formatter;

/**
 * Converts a genre to its name and back by asking the repository for every genre on each
 * call, as Spring PetClinic's {@code PetTypeFormatter} does.
 */
class GenreFormatter implements Formatter<Genre> {

	private final GenreRepository genres;

	GenreFormatter(GenreRepository genres) {
		this.genres = genres;
	}

	@Override
	public String print(Genre genre, Locale locale) {
		return genre.getName();
	}

	@Override
	public Genre parse(String text, Locale locale) throws ParseException {
		for (Genre genre : this.genres.findAllByOrderByNameAsc()) {
			if (genre.getName().equals(text)) {
				return genre;
			}
		}
		throw new ParseException("genre not found: " + text, 0);
	}

}
