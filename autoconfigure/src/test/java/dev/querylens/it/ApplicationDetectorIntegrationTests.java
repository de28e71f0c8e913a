package dev.querylens.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.querylens.analysis.AnalyzedQuery;
import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingDetector;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.Severity;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code @Bean FindingDetector} over real HTTP: it runs on every
 * request beside the built-in detectors, and its findings are stored and shown by the
 * dashboard's JSON like theirs.
 */
@SpringBootTest(classes = { PlainJdbcApplication.class, ApplicationDetectorIntegrationTests.TeamRules.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:application-detector;DB_CLOSE_DELAY=-1")
class ApplicationDetectorIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void theApplicationsDetectorReportsBesideTheBuiltInOnes() throws Exception {
		AnalyzedRecording recording = recordingOf("/customers/loop");
		assertThat(recording.findings()).extracting(Finding::type)
			.containsExactlyInAnyOrder(FindingType.N_PLUS_ONE, FindingType.UNBOUNDED_RESULT);
		assertThat(recording.findings()).filteredOn((finding) -> finding.type() == FindingType.UNBOUNDED_RESULT)
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.message()).isEqualTo(TeamRules.MESSAGE);
				assertThat(finding.queryIndexes()).containsExactly(0);
			});
		assertThat(json(recording)).contains(TeamRules.MESSAGE);
	}

	@Test
	void aRequestThatDoesNotBreakTheApplicationsRuleHasNoFindingOfIt() throws Exception {
		AnalyzedRecording recording = recordingOf("/three");
		assertThat(recording.findings()).extracting(Finding::type).containsExactly(FindingType.DUPLICATE_QUERY);
		assertThat(json(recording)).doesNotContain(TeamRules.MESSAGE);
	}

	private AnalyzedRecording recordingOf(String path) throws Exception {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		// Stored before the body left: a client holding the response always finds its
		// recording.
		return this.store.findById(id).orElseThrow();
	}

	private String json(AnalyzedRecording recording) throws Exception {
		return send("/querylens/api/recordings/" + recording.recording().getId()).body();
	}

	private HttpResponse<String> send(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A team's rule: orders are read a page at a time, however few there are today.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TeamRules {

		static final String MESSAGE = "probe_order is read whole; our rule is a page at a time.";

		@Bean
		FindingDetector ordersArePaged() {
			return (groups) -> {
				List<Finding> findings = new ArrayList<>();
				for (AnalyzedQuery query : groups.getQueries()) {
					String fingerprint = query.fingerprint();
					if (fingerprint.startsWith("select") && fingerprint.contains("from probe_order")
							&& !fingerprint.contains("limit")) {
						findings.add(new Finding(FindingType.UNBOUNDED_RESULT, Severity.WARNING, MESSAGE, fingerprint,
								1, null, null, "Take a Pageable.", List.of(query.event().index()), false));
					}
				}
				return findings;
			};
		}

	}

}
