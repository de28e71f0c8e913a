package dev.querylens.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.QueryEvent;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain JDBC application over real HTTP: statements of a request are recorded wherever
 * the request runs them.
 */
@SpringBootTest(classes = PlainJdbcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:plain-jdbc;DB_CLOSE_DELAY=-1")
class PlainJdbcIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void theSameStatementRunThreeTimesIsCountedAndReportedAsDuplicate() throws Exception {
		AnalyzedRecording recording = recordingOf(get("/three"));
		assertThat(recording.recording().getQueryCount()).isEqualTo(3);
		assertThat(recording.duplicateCount()).isEqualTo(2);
		assertThat(recording.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.type().name()).isEqualTo("DUPLICATE_QUERY");
			assertThat(finding.message())
				.contains("first from `dev.querylens.it.PlainJdbcApplication$ProbeController.one(");
			// No JPA ran it, so no JPA advice.
			assertThat(finding.suggestion()).contains("variable")
				.doesNotContain("findById")
				.doesNotContain("persistence context");
		});
	}

	@Test
	void aLoopThatReadsSomeKeysTwiceIsOneNPlusOneNamingTheRepeatedKeys() throws Exception {
		AnalyzedRecording recording = recordingOf(get("/customers/loop"));
		assertThat(recording.recording().getQueryCount()).isEqualTo(1 + 8);
		assertThat(recording.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(8);
			assertThat(finding.queryIndexes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
			assertThat(finding.message()).contains("ran 5 times with different parameters from `")
				.endsWith("; 3 more times it read a key it had already read (`1`, `2`, `3`).");
			assertThat(finding.suggestion()).doesNotContain("findById").doesNotContain("@BatchSize");
		});
	}

	@Test
	void aKeyTheLoopReadReadAgainElsewhereIsItsOwnDuplicate() throws Exception {
		AnalyzedRecording recording = recordingOf(get("/customers/loop-then-header"));
		assertThat(recording.findings()).extracting(Finding::type)
			.containsExactlyInAnyOrder(FindingType.N_PLUS_ONE, FindingType.DUPLICATE_QUERY);
		assertThat(recording.findings()).filteredOn((finding) -> finding.type() == FindingType.DUPLICATE_QUERY)
			.singleElement()
			.satisfies((finding) -> assertThat(finding.message())
				.contains("ran 2 times with the same parameters, first from "
						+ "`dev.querylens.it.PlainJdbcApplication$ProbeController.customerName("));
	}

	@Test
	void connectionsAreNumberedWithinTheRecordingFromOne() throws Exception {
		get("/three");
		AnalyzedRecording recording = recordingOf(get("/three"));
		// Outside a transaction each JdbcTemplate call takes its own connection.
		assertThat(recording.recording().getConnectionCount()).isEqualTo(3);
		assertThat(recording.recording().getQueries()).extracting(QueryEvent::connectionId).containsExactly(1, 2, 3);
	}

	@Test
	void statementsOfAControllersCallableAreRecordedForItsRequest() throws Exception {
		HttpResponse<String> response = get("/callable");
		assertThat(response.body()).isEqualTo("2");
		assertThat(response.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).contains("desc=\"2 queries\""));
		AnalyzedRecording recording = recordingOf(response);
		assertThat(recording.recording().getQueryCount()).isEqualTo(2);
		assertThat(recording.queries())
			.allSatisfy((query) -> assertThat(query.event().thread()).doesNotStartWith("http-nio"));
	}

	@Test
	void statementsThatCompleteADeferredResultOnTheApplicationExecutorAreRecordedForItsRequest() throws Exception {
		HttpResponse<String> response = get("/deferred");
		assertThat(response.body()).isEqualTo("3");
		assertThat(response.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).contains("desc=\"3 queries\""));
		assertThat(recordingOf(response).recording().getQueryCount()).isEqualTo(3);
	}

	@Test
	void aBodyLargerThanTheBufferArrivesWhole() throws Exception {
		HttpResponse<String> response = get("/large");
		assertThat(response.body().lines()).hasSize(40_000).endsWith("line 39999");
		assertThat(recordingOf(response).recording().getQueryCount()).isEqualTo(2);
	}

	@Test
	void aFlushReachesTheClientAndCountsTheQueriesSoFar() throws Exception {
		HttpResponse<String> response = get("/streamed");
		assertThat(response.body()).isEqualTo("first second");
		assertThat(response.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).contains("desc=\"0 queries\""));
		assertThat(recordingOf(response).recording().getQueryCount()).isEqualTo(1);
	}

	@Test
	void statementsOfWorkHandedToTheApplicationExecutorAreRecordedForTheRequest() throws Exception {
		AnalyzedRecording recording = recordingOf(get("/executor"));
		assertThat(recording.recording().getQueryCount()).isEqualTo(2);
		assertThat(recording.queries()).extracting((query) -> query.event().thread())
			.anySatisfy((thread) -> assertThat(thread).startsWith("task-"));
	}

	@Test
	void aFailingStatementIsRecordedAsFailedAndTheAppSeesItsOwnException() throws Exception {
		HttpResponse<String> response = get("/failing");
		assertThat(response.body()).isEqualTo("BadSqlGrammarException");
		QueryEvent failed = recordingOf(response).queries().get(0).event();
		assertThat(failed.error()).contains("JdbcSQLSyntaxErrorException");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private AnalyzedRecording recordingOf(HttpResponse<String> response) {
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		// Stored before the body left: a client holding the response always finds its
		// recording.
		return this.store.findById(id).orElseThrow();
	}

}
