package org.springframework.samples.petclinic.owner;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outermost application frame of the owner page's statements.
 */
@RestController
public class OwnerController {

	private final OwnerService owners;

	public OwnerController(OwnerService owners) {
		this.owners = owners;
	}

	@GetMapping("/owners/{name}")
	public String show(@PathVariable String name) {
		return this.owners.describe(name);
	}

}
