package org.springframework.samples.petforms.owner;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The owner page: the handler loads the owner only, and the template lists the pets.
 */
@Controller
public class OwnerController {

	private final OwnerRepository owners;

	public OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@GetMapping("/owners/{ownerId}")
	public String showOwner(@PathVariable int ownerId, Model model) {
		model.addAttribute("owner", this.owners.findById(ownerId).orElseThrow());
		return "petforms/ownerDetails";
	}

}
