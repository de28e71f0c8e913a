package dev.querylens.transactions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Transactions;
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;
import dev.querylens.transactions.TransactionsTestApplication.AccountService;
import dev.querylens.transactions.TransactionsTestApplication.AuditService;
import dev.querylens.transactions.TransactionsTestApplication.ReportService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections and transactions over real HTTP on H2: statements that each take a
 * connection outside a transaction, writes Hibernate flushes at commit, and each case's
 * nearest look-alike that must stay silent. Subclasses run the same tests on PostgreSQL
 * and MariaDB.
 */
@SpringBootTest(classes = TransactionsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=queries", "management.endpoint.queries.show-values=always",
				"querylens.connection-held.threshold=150ms" })
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:transactions;DB_CLOSE_DELAY=-1",
		"txn.sleep-function=create alias if not exists txn_sleep for \"com.example.jpashop.SlowFunctions.sleep\"",
		"txn.sleep-sql=select txn_sleep(400)" })
@TestDatabase("h2")
class TransactionsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void updatesInALoopOutsideATransactionTakeAConnectionEachAndAreOneBatchableRun() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/churn/writes");
		assertThat(recording.recording().getQueryCount()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		// One cause, one finding: the batch in one transaction also ends the churn, so
		// CONNECTION_CHURN is folded.
		assertThat(types(recording)).doesNotContain(FindingType.CONNECTION_CHURN);
		Finding batchable = only(recording, FindingType.BATCHABLE_WRITES);
		assertThat(batchable.count()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		assertThat(batchable.callSite())
			.startsWith(TransactionsTestApplication.ChurnController.class.getName() + ".writes(");
		assertThat(batchable.message()).contains("each on a connection of its own in auto-commit mode");
		assertThat(batchable.suggestion()).contains("`@Transactional`")
			.contains("`jdbcTemplate.batchUpdate(sql, batchArgs)`")
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
	void readsOfAnNPlusOneOutsideATransactionAreTheNPlusOneAloneSinceItsFixRemovesTheirConnections() throws Exception {
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

	@Test
	void anUpdateHibernateFlushesAtCommitNamesTheTransactionalMethodAndSaysSo() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/flush/deposit");
		Transactions log = recording.recording().getTransactions();
		QueryEvent update = only(recording.recording().getQueries(), "update");
		assertThat(log.isFlushedAtCommit(update.index())).isTrue();
		assertThat(update.callSite())
			.hasToString(AccountService.class.getName() + ".deposit(TransactionsTestApplication.java)");
		Finding readModifyWrite = only(recording, FindingType.READ_MODIFY_WRITE);
		assertThat(readModifyWrite.callSite()).startsWith(AccountService.class.getName() + ".deposit(");
		JsonNode query = json(recording).get("queries").get(update.index());
		assertThat(query.get("flushedAtCommit").asBoolean()).isTrue();
		assertThat(query.get("callSite").asString()).startsWith(AccountService.class.getName() + ".deposit(");
		JsonNode select = json(recording).get("queries").get(0);
		assertThat(select.get("flushedAtCommit").asBoolean()).isFalse();
	}

	@Test
	void anUpdateFlushedInsideTheTransactionalMethodKeepsItsOwnLineAndIsNotFlushedAtCommit() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/flush/deposit-flushed-in-the-method");
		QueryEvent update = only(recording.recording().getQueries(), "update");
		assertThat(recording.recording().getTransactions().isFlushedAtCommit(update.index())).isFalse();
		assertThat(update.callSite().toString())
			.startsWith(AccountService.class.getName() + ".depositAndFlush(TransactionsTestApplication.java:");
	}

	@Test
	void writesFlushedAtCommitAreBatchableFromTheTransactionalMethod() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/flush/rename-all");
		Finding batchable = only(recording, FindingType.BATCHABLE_WRITES);
		assertThat(batchable.count()).isEqualTo(TransactionsTestApplication.ACCOUNTS);
		assertThat(batchable.callSite())
			.isEqualTo(AccountService.class.getName() + ".renameAll(TransactionsTestApplication.java)");
		assertThat(batchable.message()).contains("from `" + AccountService.class.getName() + ".renameAll(");
		assertThat(batchable.queryIndexes()).allMatch(recording.recording().getTransactions()::isFlushedAtCommit);
	}

	@Test
	void everyTransactionIsListedWithWhereItBeganHowItRanAndHowItEnded() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/transactions/every-kind");
		JsonNode json = json(recording);
		JsonNode transactions = json.get("transactions");
		assertThat(transactions).hasSize(4);
		JsonNode summary = transactions.get(0);
		assertThat(summary.get("id").asInt()).isEqualTo(1);
		assertThat(summary.get("callSite").asString())
			.isEqualTo(ReportService.class.getName() + ".summary(TransactionsTestApplication.java)");
		assertThat(summary.get("readOnly").asBoolean()).isTrue();
		assertThat(summary.get("isolation").asString()).isEqualTo("READ_COMMITTED");
		assertThat(summary.get("propagation").asString()).isEqualTo("REQUIRED");
		assertThat(summary.get("outcome").asString()).isEqualTo("commit");
		JsonNode audit = transactions.get(1);
		assertThat(audit.get("callSite").asString()).startsWith(AuditService.class.getName() + ".log(");
		assertThat(audit.get("readOnly").asBoolean()).isFalse();
		assertThat(audit.get("isolation").asString()).isEqualTo("DEFAULT");
		assertThat(audit.get("propagation").asString()).isEqualTo("REQUIRES_NEW");
		assertThat(audit.get("outcome").asString()).isEqualTo("commit");
		assertThat(audit.get("startOffsetMs").asDouble())
			.isGreaterThanOrEqualTo(summary.get("startOffsetMs").asDouble());
		assertThat(audit.get("startOffsetMs").asDouble() + audit.get("durationMs").asDouble())
			.isLessThanOrEqualTo(summary.get("startOffsetMs").asDouble() + summary.get("durationMs").asDouble());
		JsonNode failed = transactions.get(2);
		assertThat(failed.get("callSite").asString()).startsWith(AccountService.class.getName() + ".failingDeposit(");
		assertThat(failed.get("outcome").asString()).isEqualTo("rollback");
		JsonNode template = transactions.get(3);
		assertThat(template.get("callSite").asString())
			.startsWith(TransactionsTestApplication.AccountController.class.getName()
					+ ".everyKind(TransactionsTestApplication.java:");
		assertThat(template.get("outcome").asString()).isEqualTo("commit");
		for (JsonNode transaction : transactions) {
			assertThat(transaction.get("connectionHeldMs").asDouble()).isPositive()
				.isLessThanOrEqualTo(transaction.get("durationMs").asDouble());
		}
		JsonNode queries = json.get("queries");
		List<Integer> ids = new ArrayList<>();
		queries
			.forEach((query) -> ids.add(query.get("transaction").isNull() ? null : query.get("transaction").asInt()));
		// count (summary), the audit update (its own), find (rolled back), the template's
		// select, the auto-commit one.
		assertThat(ids).containsExactly(1, 2, 3, 4, null);
	}

	@Test
	void aTransactionThatHeldItsConnectionDuringARemoteCallIsConnectionHeld() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/held/remote-call");
		Finding held = only(recording, FindingType.CONNECTION_HELD);
		assertThat(held.callSite())
			.isEqualTo(AccountService.class.getName() + ".depositAfterRemoteCall(TransactionsTestApplication.java)");
		assertThat(held.message()).contains("held its connection")
			.contains("while its 2 statements ran")
			.contains("the longest wait")
			.contains("came after `select");
		assertThat(held.suggestion())
			.contains("move it out of `TransactionsTestApplication$AccountService.depositAfterRemoteCall`");
		assertThat(held.queryIndexes()).hasSize(2);
	}

	@Test
	void theSameRemoteCallBeforeTheTransactionIsNotConnectionHeld() throws Exception {
		AnalyzedRecording recording = warmRecordingOf("POST", "/held/remote-call-before-the-transaction");
		assertThat(recording.recording().getDurationNanos()).isGreaterThan(400_000_000L);
		assertThat(types(recording)).as(recording.findings().toString()).doesNotContain(FindingType.CONNECTION_HELD);
	}

	@Test
	void aLongTransactionBusyWithASlowStatementIsNotConnectionHeld() throws Exception {
		AnalyzedRecording recording = warmRecordingOf("POST", "/held/slow-statement");
		assertThat(recording.recording().getTransactions().getTransactions()).singleElement()
			.satisfies((transaction) -> assertThat(transaction.connectionHeldNanos()).isGreaterThan(400_000_000L));
		assertThat(types(recording)).doesNotContain(FindingType.CONNECTION_HELD);
	}

	@Test
	void aTransactionalMethodCalledInALoopWithNoTransactionAroundIsManyTransactions() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/many/deposits");
		Finding many = only(recording, FindingType.MANY_TRANSACTIONS);
		assertThat(many.count()).isEqualTo(6);
		assertThat(many.message()).contains("6 transactions began one after another")
			.contains("`" + AccountService.class.getName() + ".deposit(TransactionsTestApplication.java)` ×6");
		assertThat(many.callSite())
			.startsWith(TransactionsTestApplication.class.getName() + "$AccountController.deposits(");
		assertThat(many.suggestion())
			.contains("`@Transactional` on `TransactionsTestApplication$AccountController.deposits`, "
					+ "which calls `TransactionsTestApplication$AccountService.deposit`");
	}

	@Test
	void theSameCallsJoiningOneTransactionAreNotManyTransactions() throws Exception {
		AnalyzedRecording recording = recordingOf("POST", "/many/deposits-in-one-transaction");
		assertThat(recording.recording().getTransactions().getTransactions()).hasSize(1);
		assertThat(types(recording)).doesNotContain(FindingType.MANY_TRANSACTIONS);
	}

	@Test
	void readOnlyTransactionsOfAnNPlusOneAreTheNPlusOneAlone() throws Exception {
		AnalyzedRecording recording = recordingOf("GET", "/many/names");
		assertThat(recording.recording().getTransactions().getTransactions()).hasSize(6);
		assertThat(types(recording)).contains(FindingType.N_PLUS_ONE).doesNotContain(FindingType.MANY_TRANSACTIONS);
	}

	protected final JsonNode json(AnalyzedRecording recording) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/actuator/queries/" + recording.recording().getId()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	protected static QueryEvent only(List<QueryEvent> queries, String verb) {
		List<QueryEvent> found = queries.stream().filter((query) -> query.sql().startsWith(verb)).toList();
		assertThat(found).as(queries.toString()).hasSize(1);
		return found.get(0);
	}

	// The first run of a transaction in a fresh JVM loads and compiles Hibernate's flush:
	// hundreds of milliseconds
	// with the connection held and no statement running, as the first request after
	// start-up really is. The
	// look-alikes of CONNECTION_HELD are judged on a second run.
	protected final AnalyzedRecording warmRecordingOf(String method, String path) throws Exception {
		recordingOf(method, path);
		return recordingOf(method, path);
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
