package org.springframework.samples.petforms.owner;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A kind of pet, shown as its name: the options of the pet form's select.
 */
@Entity
@Table(name = "pf_types")
public class PetType {

	@Id
	private Integer id;

	private String name;

	protected PetType() {
	}

	public PetType(Integer id, String name) {
		this.id = id;
		this.name = name;
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
