package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A review of a book.
 */
@Entity
@Table(name = "crp_review")
public class Review {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Book book;

	private int stars;

	protected Review() {
	}

	Review(Long id, Book book, int stars) {
		this.id = id;
		this.book = book;
		this.stars = stars;
	}

	public int getStars() {
		return this.stars;
	}

}
