package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A member of a {@link Team}.
 */
@Entity
@Table(name = "jps_member")
public class Member {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Team team;

	protected Member() {
	}

	Member(Long id, Team team) {
		this.id = id;
		this.team = team;
	}

	public Long getId() {
		return this.id;
	}

}
