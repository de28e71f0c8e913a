package com.example.jpashop;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A team with an EAGER collection loaded by a secondary select, as third-party
 * applications often map it.
 */
@Entity
@Table(name = "jps_team")
public class Team {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "team", fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@OrderBy("id")
	private Set<Member> members = new LinkedHashSet<>();

	protected Team() {
	}

	Team(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Set<Member> getMembers() {
		return this.members;
	}

}
