package org.springframework.samples.petforms;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-alike of {@link PetFormQueryInViewIntegrationTests}: with
 * {@code spring.jpa.open-in-view=true}, the owner page's template reads the owner's lazy
 * collection of pets, a real lazy load in the view; while the pet form's formatter, on
 * the same application, is still a query in the view and not a lazy load.
 */
@SpringBootTest(classes = PetFormsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:petforms-osiv-on;DB_CLOSE_DELAY=-1", "spring.jpa.open-in-view=true" })
class OwnerPageLazyLoadInViewIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aLazyCollectionReadByTheTemplateIsALazyLoadInTheViewWordedForOpenInViewOn() throws Exception {
		PetForms forms = new PetForms(this.port);
		var page = forms.get("/owners/1");
		assertThat(page.body()).contains("<td class=\"pet\">Leo</td>").contains("<td class=\"pet\">Rosy</td>");
		JsonNode recording = forms.recordingOf(page);
		assertThat(PetForms.types(recording)).containsExactly("LAZY_LOAD_IN_VIEW");
		JsonNode finding = PetForms.finding(recording, "LAZY_LOAD_IN_VIEW");
		assertThat(finding.get("association").asString()).isEqualTo("Owner.pets");
		assertThat(finding.get("message").asString())
			.startsWith("1 lazy load of `Owner.pets` ran while the view `petforms/ownerDetails` rendered")
			.contains("open session in view (`spring.jpa.open-in-view=true`)");
		assertThat(finding.get("suggestion").asString()).contains("then set `spring.jpa.open-in-view=false`");
	}

	@Test
	void theFormattersQueriesAreNoLazyLoadEvenWithOpenInViewOn() throws Exception {
		PetForms forms = new PetForms(this.port);
		JsonNode recording = forms.recordingOf(forms.get("/pets/1/edit"));
		assertThat(PetForms.types(recording)).containsExactly("QUERY_IN_VIEW");
	}

}
