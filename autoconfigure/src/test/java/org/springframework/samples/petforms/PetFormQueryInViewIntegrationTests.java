package org.springframework.samples.petforms;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PetClinic's pet form with {@code spring.jpa.open-in-view=false}, as PetClinic sets it,
 * over real HTTP with Thymeleaf and Hibernate: the formatter that queries once per
 * {@code <option>} is one {@code QUERY_IN_VIEW} naming {@code PetTypeFormatter.parse},
 * with no {@code LAZY_LOAD_IN_VIEW} (nothing lazy loaded) and no separate duplicate.
 */
@SpringBootTest(classes = PetFormsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:petforms-osiv-off;DB_CLOSE_DELAY=-1", "spring.jpa.open-in-view=false" })
class PetFormQueryInViewIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aFormatterQueryingPerOptionIsAQueryInTheViewNamingTheFormatter() throws Exception {
		PetForms forms = new PetForms(this.port);
		var page = forms.get("/pets/1/edit");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<option value=\"cat\" selected=\"selected\">cat</option>")
			.contains("<option value=\"hamster\">hamster</option>");
		JsonNode recording = forms.recordingOf(page);
		int inView = 0;
		for (JsonNode query : recording.get("queries")) {
			if (query.get("phase").asString().equals("view")) {
				inView++;
			}
		}
		// Four options, one of them the bound value: the formatter parses the other
		// three.
		assertThat(inView).isEqualTo(3);
		assertThat(PetForms.types(recording)).containsExactly("QUERY_IN_VIEW");
		JsonNode finding = PetForms.finding(recording, "QUERY_IN_VIEW");
		assertThat(finding.get("severity").asString()).isEqualTo("warning");
		assertThat(finding.get("count").asInt()).isEqualTo(3);
		assertThat(finding.get("callSite").asString())
			.startsWith("org.springframework.samples.petforms.owner.PetTypeFormatter.parse(PetTypeFormatter.java:");
		assertThat(finding.get("message").asString())
			.contains("ran 3 times while the view `petforms/createOrUpdatePetForm` rendered")
			.contains("no lazy load ran them")
			.contains("3 of them repeat a statement this request already ran with the same parameters")
			.doesNotContain("open session in view");
		assertThat(finding.get("suggestion").asString()).startsWith("`PetTypeFormatter.parse` converts values")
			.contains("for each `<option>`")
			.doesNotContain("open-in-view");
	}

}
