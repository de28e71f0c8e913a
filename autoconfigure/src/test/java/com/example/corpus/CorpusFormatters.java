package com.example.corpus;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the genre, format and condition formatters, as PetClinic registers its pet
 * type's.
 */
@Configuration(proxyBeanMethods = false)
class CorpusFormatters implements WebMvcConfigurer {

	private final GenreRepository genres;

	private final FormatRepository formats;

	private final JdbcTemplate jdbc;

	CorpusFormatters(GenreRepository genres, FormatRepository formats, JdbcTemplate jdbc) {
		this.genres = genres;
		this.formats = formats;
		this.jdbc = jdbc;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatter(new GenreFormatter(this.genres));
		registry.addFormatter(new FormatFormatter(this.formats));
		registry.addFormatter(new ConditionFormatter(this.jdbc));
	}

}
