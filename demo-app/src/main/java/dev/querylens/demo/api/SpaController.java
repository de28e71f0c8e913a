package dev.querylens.demo.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that loads its data from the JSON API with {@code fetch()}, as a single-page
 * application does.
 */
@Controller
class SpaController {

	@GetMapping("/spa")
	String spa() {
		return "spa";
	}

}
