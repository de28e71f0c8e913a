package dev.querylens.demo.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.Kind;
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code jobs} profile: the scheduled report, the JMS listener on the embedded
 * broker and the Spring Batch export's steps, run for real, are tasks, the slow ones with
 * their N+1, the fast twins without, all in the dashboard's Tasks tab.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("jobs")
@TestPropertySource(properties = { "demo.jobs.initial-delay=0s", "demo.jobs.interval=1s",
		"logging.level.org.apache.activemq.audit=warn" })
@TestDatabase("h2")
class JobsProfileIntegrationTests {

	@Autowired
	private Tasks tasks;

	@LocalServerPort
	private int port;

	@Test
	void theScheduledReportIsATaskWithItsNPlusOneAndItsTwinHasNone() throws Exception {
		int slow = this.tasks.await(0,
				(task) -> task.recording().getUri().equals("CustomerReportJob.customersOfOrders") && hasNPlusOne(task));
		// A run after the slow one found its N+1, so the shop is seeded.
		int fast = this.tasks.await(slow,
				(task) -> task.recording().getUri().equals("CustomerReportJob.customersOfOrdersFetched"));
		AnalyzedRecording fetched = this.tasks.get(fast);
		assertThat(fetched.recording().getMethod()).isEqualTo("scheduled");
		assertThat(fetched.recording().getQueryCount()).isEqualTo(1);
		assertThat(hasNPlusOne(fetched)).isFalse();
	}

	@Test
	void theListenerIsATaskNamedAfterItsQueueWithItsNPlusOneAndItsTwinHasNone() throws Exception {
		int slow = this.tasks.await(0,
				(task) -> task.recording().getUri().equals("OrderPlacedListener.onOrderPlaced ← queue order-placed")
						&& hasNPlusOne(task));
		assertThat(this.tasks.get(slow).recording().getMethod()).isEqualTo("listener");
		int fast = this.tasks.await(slow,
				(task) -> task.recording()
					.getUri()
					.equals("OrderPlacedListener.onOrderPlacedFetched ← queue order-placed-fetched"));
		assertThat(this.tasks.get(fast).recording().getQueryCount()).isEqualTo(1);
		assertThat(hasNPlusOne(this.tasks.get(fast))).isFalse();
	}

	@Test
	void theBatchExportIsOneTaskPerStepWithItsNPlusOneAndItsTwinHasNone() throws Exception {
		int slow = this.tasks.await(0,
				(task) -> task.recording().getUri().equals("orderExport / exportOrders") && hasNPlusOne(task));
		AnalyzedRecording export = this.tasks.get(slow);
		assertThat(export.recording().getMethod()).isEqualTo("batch");
		// The reader's query, then one customer per order, over all five chunks of the
		// step: each chunk's ten orders have ten different customers.
		assertThat(export.recording().getQueryCount()).isEqualTo(1 + 50);
		int fast = this.tasks.await(slow,
				(task) -> task.recording().getUri().equals("orderExportJoined / exportOrdersJoined"));
		assertThat(this.tasks.get(fast).recording().getMethod()).isEqualTo("batch");
		assertThat(this.tasks.get(fast).recording().getQueryCount()).isEqualTo(1);
		// Its six chunk transactions are the step's design, not MANY_TRANSACTIONS.
		assertThat(this.tasks.get(fast).recording().getTransactions().getTransactions()).hasSize(6);
		assertThat(this.tasks.get(fast).activeFindings()).isEmpty();
	}

	@Test
	void theTasksTabListsThem() throws Exception {
		this.tasks.await(0, (task) -> task.recording().getUri().startsWith("OrderPlacedListener.onOrderPlaced "));
		this.tasks.await(0, (task) -> task.recording().getUri().equals("CustomerReportJob.customersOfOrders"));
		this.tasks.await(0, (task) -> task.recording().getUri().equals("orderExport / exportOrders"));
		HttpResponse<String> tab = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/querylens?kind=task")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(tab.statusCode()).isEqualTo(200);
		assertThat(tab.body()).contains("CustomerReportJob.customersOfOrders")
			.contains("OrderPlacedListener.onOrderPlaced ← queue order-placed")
			.contains("orderExport / exportOrders");
	}

	private static boolean hasNPlusOne(AnalyzedRecording task) {
		return task.activeFindings().stream().anyMatch((finding) -> finding.type() == FindingType.N_PLUS_ONE);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TasksConfiguration {

		@Bean
		Tasks tasks() {
			return new Tasks();
		}

	}

	/**
	 * The task recordings finished so far, in order, for the test to wait on rather than
	 * sleep.
	 */
	static final class Tasks implements RecordingListener {

		private final List<AnalyzedRecording> finished = new ArrayList<>();

		@Override
		public synchronized void onFinished(AnalyzedRecording recording) {
			if (recording.recording().getKind() == Kind.TASK) {
				this.finished.add(recording);
				notifyAll();
			}
		}

		synchronized AnalyzedRecording get(int index) {
			return this.finished.get(index);
		}

		/**
		 * Waits for a task recording finished after the given one.
		 * @param from the index to look from
		 * @param wanted which recording
		 * @return its index
		 */
		synchronized int await(int from, Predicate<AnalyzedRecording> wanted) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			for (int seen = from;; seen++) {
				while (seen >= this.finished.size()) {
					long left = deadline - System.nanoTime();
					assertThat(left)
						.as("a task recording within 60 s, of "
								+ this.finished.stream().map((task) -> task.recording().getUri()).toList())
						.isPositive();
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
				if (wanted.test(this.finished.get(seen))) {
					return seen;
				}
			}
		}

	}

}
