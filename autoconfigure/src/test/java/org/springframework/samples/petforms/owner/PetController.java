package org.springframework.samples.petforms.owner;

import java.util.Collection;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pet form, as PetClinic's: the types are a model attribute loaded in the handler,
 * the pet the form's object.
 */
@Controller
public class PetController {

	private final PetRepository pets;

	private final PetTypeRepository types;

	public PetController(PetRepository pets, PetTypeRepository types) {
		this.pets = pets;
		this.types = types;
	}

	@ModelAttribute("types")
	public Collection<PetType> populatePetTypes() {
		return this.types.findPetTypes();
	}

	@ModelAttribute("pet")
	public Pet findPet(@PathVariable("petId") int petId) {
		return this.pets.findById(petId).orElseThrow();
	}

	@GetMapping("/pets/{petId}/edit")
	public String initUpdateForm() {
		return "petforms/createOrUpdatePetForm";
	}

}
