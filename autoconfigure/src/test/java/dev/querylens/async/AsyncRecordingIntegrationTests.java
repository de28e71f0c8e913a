package dev.querylens.async;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.capture.QueryEvent;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements a request hands to other threads are recorded for it, in an application with
 * a {@code TaskDecorator} of its own, which keeps working beside QueryLens's.
 */
@SpringBootTest(classes = AsyncTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:async;DB_CLOSE_DELAY=-1")
class AsyncRecordingIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void besideTheApplicationsDecoratorWorkOnTheApplicationTaskExecutorIsRecordedForTheRequest() throws Exception {
		HttpResponse<String> response = get("/executor", "acme");
		assertThat(response.body()).startsWith("acme@task-");
		assertThat(statementOf(response).thread()).startsWith("task-");
	}

	@Test
	void besideTheApplicationsDecoratorAnAsyncMethodsStatementsAreRecordedForTheRequest() throws Exception {
		HttpResponse<String> response = get("/async", "globex");
		assertThat(response.body()).startsWith("globex@task-");
		assertThat(statementOf(response).thread()).startsWith("task-");
	}

	@Test
	void aContextPropagatingExecutorCarriesTheRecording() throws Exception {
		HttpResponse<String> response = get("/context-aware", null);
		assertThat(response.body()).isEqualTo("null@context-aware");
		assertThat(statementOf(response).thread()).isEqualTo("context-aware");
	}

	private QueryEvent statementOf(HttpResponse<String> response) {
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		List<QueryEvent> queries = this.store.findById(id).orElseThrow().recording().getQueries();
		assertThat(queries).hasSize(1);
		return queries.get(0);
	}

	private HttpResponse<String> get(String path, String tenant) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (tenant != null) {
			request.header("X-Tenant", tenant);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
