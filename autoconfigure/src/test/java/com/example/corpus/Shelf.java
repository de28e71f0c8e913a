package com.example.corpus;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A shelf whose books are mapped {@code FetchType.EAGER}: loaded by one secondary select
 * per shelf when a query returns shelves, joined when one shelf is found by its id.
 */
@Entity
@Table(name = "crp_shelf")
public class Shelf {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "shelf", fetch = FetchType.EAGER)
	private List<Book> books = new ArrayList<>();

	protected Shelf() {
	}

	Shelf(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	public List<Book> getBooks() {
		return this.books;
	}

}
