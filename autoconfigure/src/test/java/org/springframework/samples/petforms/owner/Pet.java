package org.springframework.samples.petforms.owner;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A pet with its type (a to-one left EAGER, as PetClinic's is) and its owner.
 */
@Entity
@Table(name = "pf_pets")
public class Pet {

	@Id
	private Integer id;

	private String name;

	@ManyToOne
	@JoinColumn(name = "type_id")
	private PetType type;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "owner_id")
	private Owner owner;

	protected Pet() {
	}

	public Pet(Integer id, String name, PetType type, Owner owner) {
		this.id = id;
		this.name = name;
		this.type = type;
		this.owner = owner;
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public PetType getType() {
		return this.type;
	}

	public void setType(PetType type) {
		this.type = type;
	}

}
