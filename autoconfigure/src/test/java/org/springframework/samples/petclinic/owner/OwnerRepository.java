package org.springframework.samples.petclinic.owner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Application code in a package that starts like Spring's own, as in Spring's sample
 * applications: the innermost application frame of its statements.
 */
@Repository
public class OwnerRepository {

	private final JdbcTemplate jdbc;

	public OwnerRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public int countTables(String name) {
		return this.jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?",
				Integer.class, name);
	}

}
