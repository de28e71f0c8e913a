package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An entity with a sequence-generated key, which Hibernate can insert in JDBC batches.
 */
@Entity
@Table(name = "jps_tag")
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jps_tag_seq")
	@SequenceGenerator(name = "jps_tag_seq", sequenceName = "jps_tag_seq", allocationSize = 50)
	private Long id;

	private String label;

	protected Tag() {
	}

	Tag(String label) {
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

}
