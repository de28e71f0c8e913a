package com.example.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A manuscript: a title, and a text of a few thousand characters that a list of titles
 * does not show.
 */
@Entity
@Table(name = "crp_manuscript")
public class Manuscript {

	@Id
	private Long id;

	private String title;

	@Column(length = 5000)
	private String text;

	protected Manuscript() {
	}

	Manuscript(Long id, String title, String text) {
		this.id = id;
		this.title = title;
		this.text = text;
	}

	public String getTitle() {
		return this.title;
	}

	public String getText() {
		return this.text;
	}

}
