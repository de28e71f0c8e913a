package com.example.corpus;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A book: a lazy to-one ({@code author}), a lazy collection ({@code reviews}) and the
 * shelf whose EAGER collection holds it.
 */
@Entity
@Table(name = "crp_book")
public class Book {

	@Id
	private Long id;

	private String title;

	private int stock;

	@ManyToOne(fetch = FetchType.LAZY)
	private Author author;

	@ManyToOne(fetch = FetchType.LAZY)
	private Shelf shelf;

	@OneToMany(mappedBy = "book")
	private List<Review> reviews = new ArrayList<>();

	protected Book() {
	}

	Book(Long id, String title, Author author, Shelf shelf) {
		this.id = id;
		this.title = title;
		this.author = author;
		this.shelf = shelf;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public int getStock() {
		return this.stock;
	}

	void setStock(int stock) {
		this.stock = stock;
	}

	public Author getAuthor() {
		return this.author;
	}

	public List<Review> getReviews() {
		return this.reviews;
	}

}
