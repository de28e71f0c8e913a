package org.springframework.samples.petforms.owner;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * An owner whose pets are a lazy collection, read only by the owner page's template.
 */
@Entity
@Table(name = "pf_owners")
public class Owner {

	@Id
	private Integer id;

	private String name;

	@OneToMany(mappedBy = "owner")
	@OrderBy("name")
	private List<Pet> pets = new ArrayList<>();

	protected Owner() {
	}

	public Owner(Integer id, String name) {
		this.id = id;
		this.name = name;
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public List<Pet> getPets() {
		return this.pets;
	}

}
