package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An edition of a book, mapped with {@code @ManyToOne}'s default,
 * {@code FetchType.EAGER}.
 */
@Entity
@Table(name = "crp_edition")
public class Edition {

	@Id
	private Long id;

	private String name;

	@ManyToOne
	private Book book;

	protected Edition() {
	}

	Edition(Long id, String name, Book book) {
		this.id = id;
		this.name = name;
		this.book = book;
	}

	public String getName() {
		return this.name;
	}

	public Book getBook() {
		return this.book;
	}

}
