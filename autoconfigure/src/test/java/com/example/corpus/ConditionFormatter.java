package com.example.corpus;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Converts a condition to its name and back by reading the lookup table with
 * {@code JdbcTemplate} on each call, outside any transaction: each call takes a
 * connection of its own.
 */
class ConditionFormatter implements Formatter<Condition> {

	static final String ALL = "select id, name from crp_condition order by name";

	private final JdbcTemplate jdbc;

	ConditionFormatter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String print(Condition condition, Locale locale) {
		return condition.getName();
	}

	@Override
	public Condition parse(String text, Locale locale) throws ParseException {
		List<Condition> all = this.jdbc.query(ALL, (row, number) -> new Condition(row.getLong(1), row.getString(2)));
		for (Condition condition : all) {
			if (condition.getName().equals(text)) {
				return condition;
			}
		}
		throw new ParseException("condition not found: " + text, 0);
	}

}
