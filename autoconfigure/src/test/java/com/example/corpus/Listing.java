package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A listing edited in forms with a {@code <select>} of genres, formats or conditions
 * (to-ones EAGER by default, joined when the listing is found by its id).
 */
@Entity
@Table(name = "crp_listing")
public class Listing {

	@Id
	private Long id;

	private String title;

	@ManyToOne
	private Genre genre;

	@ManyToOne
	private Format format;

	@ManyToOne
	private Condition condition;

	protected Listing() {
	}

	Listing(Long id, String title, Genre genre, Format format, Condition condition) {
		this.id = id;
		this.title = title;
		this.genre = genre;
		this.format = format;
		this.condition = condition;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Genre getGenre() {
		return this.genre;
	}

	public void setGenre(Genre genre) {
		this.genre = genre;
	}

	public Format getFormat() {
		return this.format;
	}

	public void setFormat(Format format) {
		this.format = format;
	}

	public Condition getCondition() {
		return this.condition;
	}

	public void setCondition(Condition condition) {
		this.condition = condition;
	}

}
