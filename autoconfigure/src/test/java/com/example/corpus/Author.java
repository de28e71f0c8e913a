package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A book's author.
 */
@Entity
@Table(name = "crp_author")
public class Author {

	@Id
	private Long id;

	private String name;

	protected Author() {
	}

	Author(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
