package dev.querylens.transactions;

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
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.Transaction;
import dev.querylens.it.TestDatabase;
import dev.querylens.transactions.TransactionsTestApplication.AccountService;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions under open-in-view, over real HTTP: the request's entity manager takes its
 * connection in the first transaction and keeps it until the request ends, so every later
 * transaction runs on a connection checked out before it began, and holds it from its
 * start.
 */
@SpringBootTest(classes = TransactionsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=true",
				"querylens.connection-held.threshold=150ms" })
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:transactions-in-view;DB_CLOSE_DELAY=-1",
		"txn.sleep-function=", "txn.sleep-sql=select 1" })
@TestDatabase("h2")
class OpenInViewTransactionsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void everyTransactionOfTheRequestHoldsTheConnectionForSomeOfItsTime() throws Exception {
		AnalyzedRecording recording = recordingOf("/many/deposits");
		List<Transaction> transactions = recording.recording().getTransactions().getTransactions();
		assertThat(transactions).hasSize(6)
			.allSatisfy((transaction) -> assertThat(transaction.connectionHeldNanos()).isPositive()
				.isLessThanOrEqualTo(transaction.durationNanos()));
	}

	@Test
	void aSecondTransactionThatHeldTheConnectionDuringARemoteCallIsConnectionHeld() throws Exception {
		AnalyzedRecording recording = recordingOf("/held/remote-call-in-a-second-transaction");
		List<Finding> held = recording.findings()
			.stream()
			.filter((finding) -> finding.type() == FindingType.CONNECTION_HELD)
			.toList();
		assertThat(held).as(recording.findings().toString())
			.singleElement()
			.satisfies((finding) -> assertThat(finding.callSite()).isEqualTo(
					AccountService.class.getName() + ".depositAfterRemoteCall(TransactionsTestApplication.java)"));
	}

	private AnalyzedRecording recordingOf(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		return this.store.findById(id).orElseThrow();
	}

}
