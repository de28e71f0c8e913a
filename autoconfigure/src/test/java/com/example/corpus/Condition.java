package com.example.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A listing's condition, a lookup table that {@link ConditionFormatter} reads with
 * {@code JdbcTemplate}.
 */
@Entity
@Table(name = "crp_condition")
public class Condition {

	@Id
	private Long id;

	private String name;

	protected Condition() {
	}

	Condition(Long id, String name) {
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
