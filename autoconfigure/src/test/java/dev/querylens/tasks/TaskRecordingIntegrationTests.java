package dev.querylens.tasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;
import dev.querylens.task.TaskRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements outside any HTTP request are recorded as tasks, over the real framework: a
 * real scheduler tick, a real {@code @Async} call from a thread with no recording, a real
 * {@code ApplicationRunner} at start-up, and a block given to the {@link TaskRecorder}.
 * Each finds the N+1 it runs and is in the store.
 */
@SpringBootTest(classes = TasksTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tasks;DB_CLOSE_DELAY=-1")
@TestDatabase("h2")
class TaskRecordingIntegrationTests {

	@Autowired
	private TasksTestApplication.TaskRecordings recordings;

	@Autowired
	private TasksTestApplication.Shop shop;

	@Autowired
	private TaskRecorder taskRecorder;

	@Autowired
	private RecordingStore store;

	@LocalServerPort
	private int port;

	@Test
	void aScheduledMethodsRunIsATaskNamedAfterTheMethodWithItsNPlusOne() throws Exception {
		AnalyzedRecording run = next((recording) -> recording.getUri().equals("NightlyExport.export"));
		assertTask(run, "scheduled");
	}

	@Test
	void anAsyncMethodCalledOutsideARecordingIsATaskNamedAfterTheMethod() throws Exception {
		assertThat(CurrentRecording.get()).isNull();
		assertThat(this.shop.customerNamesLater().get(10, TimeUnit.SECONDS)).hasSize(TasksTestApplication.ORDERS);
		AnalyzedRecording run = next((recording) -> recording.getUri().equals("Shop.customerNamesLater"));
		assertTask(run, "async");
		assertThat(run.recording().getQueries())
			.allSatisfy((query) -> assertThat(query.thread()).isNotEqualTo(Thread.currentThread().getName()));
	}

	@Test
	void theStartUpRunnersAreOneTaskNamedAfterThem() throws Exception {
		AnalyzedRecording run = next((recording) -> recording.getMethod().equals("runner"));
		assertThat(run.recording().getUri()).isEqualTo("runners startupReport");
		assertTask(run, "runner");
	}

	@Test
	void aBlockGivenToTheRecorderIsATaskNamedAsGiven() throws Exception {
		int names = this.taskRecorder.record("nightly export", () -> this.shop.customerNames().size());
		assertThat(names).isEqualTo(TasksTestApplication.ORDERS);
		AnalyzedRecording run = next((recording) -> recording.getUri().equals("nightly export"));
		assertTask(run, "task");
	}

	@Test
	void aBlockInsideARecordingJoinsIt() {
		Recording.Started outerStarted = Recording.start(Kind.TEST, null, "outerStarted", null, 100);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(outerStarted)) {
			this.taskRecorder.record("inner", () -> {
				this.shop.customerNames();
			});
		}
		Recording outer = outerStarted.finish(0, null);
		assertThat(outer.getQueryCount()).isEqualTo(1 + TasksTestApplication.ORDERS);
		assertThat(this.store.findAll()).noneMatch((recording) -> recording.recording().getUri().equals("inner"));
	}

	@Test
	void theDashboardListsTasksUnderTheirOwnTabAndRequestsApart() throws Exception {
		next((recording) -> recording.getUri().equals("NightlyExport.export"));
		String tasks = dashboard("?kind=task");
		assertThat(tasks).contains("id=\"tab-tasks\"").contains("NightlyExport.export").contains("scheduled");
		assertThat(tasks).containsPattern("class=\"ql-tab ql-active\" id=\"tab-tasks\"");
		assertThat(tasks).contains("name=\"kind\" value=\"task\"");
		assertThat(dashboard("?kind=task&uri=nightlyexport&sort=queries")).contains("NightlyExport.export")
			.contains("sort=newest&amp;kind=task");
		assertThat(dashboard("?kind=task&uri=no-such-task")).doesNotContain("NightlyExport.export");
		String requests = dashboard("");
		assertThat(requests).containsPattern("class=\"ql-tab ql-active\" id=\"tab-requests\"");
		assertThat(requests).doesNotContain("NightlyExport.export").doesNotContain("id=\"tab-tests\"");
	}

	private String dashboard(String query) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/querylens" + query)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private void assertTask(AnalyzedRecording run, String label) {
		Recording recording = run.recording();
		assertThat(recording.getKind()).isEqualTo(Kind.TASK);
		assertThat(recording.getMethod()).isEqualTo(label);
		assertThat(recording.getQueryCount()).isEqualTo(1 + TasksTestApplication.ORDERS);
		assertThat(run.activeFindings()).anySatisfy((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(TasksTestApplication.ORDERS);
		});
		assertThat(this.store.findById(recording.getId())).isPresent();
	}

	private AnalyzedRecording next(Predicate<Recording> wanted) throws InterruptedException {
		AnalyzedRecording finished = this.recordings.await(wanted);
		assertThat(finished).as("a task recording within 30 s").isNotNull();
		return finished;
	}

}
