package org.springframework.samples.petclinic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application in {@code org.springframework.samples}, like Spring PetClinic: its
 * statements get their call sites and call paths, read from the toolbar's JSON API over
 * real HTTP.
 */
@SpringBootTest(classes = PetClinicApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:petclinic-call-sites;DB_CLOSE_DELAY=-1")
class PetClinicCallSiteIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void eachStatementHasTheApplicationsFramesInnermostFirst() throws Exception {
		HttpResponse<String> page = get("/owners/davis");
		assertThat(page.body()).isEqualTo("davis: 0");
		String id = page.headers().firstValue("X-QueryLens-Id").orElseThrow();
		JsonNode query = this.json.readTree(get("/querylens/api/recordings/" + id).body()).get("queries").get(0);
		assertThat(query.get("callSite").asString()).startsWith(
				"org.springframework.samples.petclinic.owner.OwnerRepository.countTables(OwnerRepository.java:");
		List<String> path = new ArrayList<>();
		query.get("callPath").forEach((frame) -> path.add(frame.asString()));
		assertThat(path).hasSize(3);
		assertThat(path.get(0)).isEqualTo(query.get("callSite").asString());
		assertThat(path.get(1)).startsWith("org.springframework.samples.petclinic.owner.OwnerService.describe(");
		assertThat(path.get(2)).startsWith("org.springframework.samples.petclinic.owner.OwnerController.show(");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
