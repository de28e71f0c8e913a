package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A listing's genre, chosen in a {@code <select>} whose formatter queries per option.
 */
@Entity
@Table(name = "crp_genre")
public class Genre {

	@Id
	private Long id;

	private String name;

	protected Genre() {
	}

	Genre(Long id, String name) {
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
