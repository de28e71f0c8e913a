package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A listing's format, chosen in a {@code <select>} whose formatter reads a cached list.
 */
@Entity
@Table(name = "crp_format")
public class Format {

	@Id
	private Long id;

	private String name;

	protected Format() {
	}

	Format(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
