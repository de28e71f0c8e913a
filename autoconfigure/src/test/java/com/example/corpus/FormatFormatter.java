package com.example.corpus;

import java.text.ParseException;
import java.util.Locale;

import org.springframework.format.Formatter;

/**
 * Converts a format to its name and back from the repository's cached list of formats:
 * the fix of {@link GenreFormatter}, which queries on each call.
 */
class FormatFormatter implements Formatter<Format> {

	private final FormatRepository formats;

	FormatFormatter(FormatRepository formats) {
		this.formats = formats;
	}

	@Override
	public String print(Format format, Locale locale) {
		return format.getName();
	}

	@Override
	public Format parse(String text, Locale locale) throws ParseException {
		for (Format format : this.formats.findAllByOrderByNameAsc()) {
			if (format.getName().equals(text)) {
				return format;
			}
		}
		throw new ParseException("format not found: " + text, 0);
	}

}
