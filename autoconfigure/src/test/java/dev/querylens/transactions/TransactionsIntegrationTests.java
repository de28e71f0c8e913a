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
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections and transactions over real HTTP on H2: statements that each take a connection outside a transaction,
 * writes Hibernate flushes at commit, and each case's nearest look-alike that must stay silent. Subclasses run the
 * same tests on PostgreSQL and MariaDB.
 */
@SpringBootTest(classes = TransactionsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false" })
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:transactions;DB_CLOSE_DELAY=-1",
		"txn.sleep-function=create alias if not exists txn_sleep for \"com.example.jpashop.SlowFunctions.sleep\"" })
@TestDatabase("h2")
class TransactionsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void updatesInALoopOutsideATransactionTakeAConnectionEachAndAreOneBatchableRun() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/churn/writes");
		assertThat(recording.recording().getQueryCount()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		Finding churn = only(recording, FindingType.CONNECTION_CHURN);
		assertThat(churn.count()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		assertThat(churn.callSite()).startsWith(TransactionsTestApplication.ChurnController.class.getName() + ".writes(");
		assertThat(churn.message()).contains("10 statements").contains("took 10 connections");
		assertThat(churn.suggestion()).contains("`@Transactional`").contains("`jdbcTemplate.batchUpdate(sql, batchArgs)`");
		Finding batchable = only(recording, FindingType.BATCHABLE_WRITES);
		assertThat(batchable.count()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		assertThat(batchable.message()).contains("each on a connection of its own in auto-commit mode");
		assertThat(batchable.suggestion()).contains("`jdbcTemplate.batchUpdate(sql, batchArgs)`")
			.doesNotContain("hibernate.jdbc.batch_size");
	}

	@Test
	void theSameLoopInOneTransactionIsOneConnectionAndBatchableAsBefore() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/churn/writes-in-a-transaction");
		assertThat(types(recording)).doesNotContain(FindingType.CONNECTION_CHURN);
		Finding batchable = only(recording, FindingType.BATCHABLE_WRITES);
		assertThat(batchable.count()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		assertThat(batchable.message()).doesNotContain("auto-commit");
	}

	@Test
	void readsInALoopOutsideATransactionAreAdvisedOneReadOnlyTransaction() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/churn/reads");
		Finding churn = only(recording, FindingType.CONNECTION_CHURN);
		assertThat(churn.count()).isEqualTo(6);
		assertThat(churn.suggestion()).contains("`@Transactional(readOnly = true)` on the method around them "
				+ "(`TransactionsTestApplication$ChurnController.reads`)");
	}

	@Test
	void readsOfAnNPlusOneOutsideATransactionAreTheNPlusOneAloneSinceItsFixRemovesTheirConnections()
			throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/churn/reads-in-a-loop");
		assertThat(types(recording)).containsExactly(FindingType.N_PLUS_ONE);
	}

	@Test
	void twoConnectionsOutsideATransactionAreNoChurn() throws Exception {
		assertThat(types(recordingOf("GET", "/churn/two-reads"))).doesNotContain(FindingType.CONNECTION_CHURN);
	}

	@Test
	void oneJdbcBatchOutsideATransactionIsNeitherChurnNorBatchable() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/churn/batch");
		assertThat(types(recording)).doesNotContain(FindingType.CONNECTION_CHURN, FindingType.BATCHABLE_WRITES);
	}

	@Test
	void aReadBeforeEachAutoCommitWriteEndsTheBatchableRunAcrossConnectionsToo() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/churn/read-before-each-write");
		assertThat(types(recording)).doesNotContain(FindingType.BATCHABLE_WRITES);
		assertThat(types(recording)).containsExactly(FindingType.N_PLUS_ONE, FindingType.CONNECTION_CHURN);
	}

	protected final AnalyzedRecording recordingOf(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		return this.store.findById(id).orElseThrow();
	}

	protected static Finding only(AnalyzedRecording recording, FindingType type) {
		List<Finding> found = recording.findings().stream().filter((finding) -> finding.type() == type).toList();
		assertThat(found).as(recording.findings().toString()).hasSize(1);
		return found.get(0);
	}

	protected static List<FindingType> types(AnalyzedRecording recording) {
		return recording.findings().stream().map(Finding::type).toList();
	}

}
