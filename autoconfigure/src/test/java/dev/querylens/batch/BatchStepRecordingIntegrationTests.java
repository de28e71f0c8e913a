package dev.querylens.batch;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.it.TestDatabase;
import dev.querylens.listeners.TaskRecordings;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each execution of a Spring Batch step is one task recording, all its chunks in it, over
 * a real job run.
 */
@SpringBootTest(classes = BatchTestApplication.class)
// Three transactions make MANY_TRANSACTIONS here, as many as the joined step's chunks.
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:batch-steps;DB_CLOSE_DELAY=-1",
		"querylens.many-transactions.threshold=3" })
@TestDatabase("h2")
// Closed after the class: its broker, its consumers and its pool are not kept among the
// cached contexts.
@DirtiesContext
class BatchStepRecordingIntegrationTests {

	@Autowired
	private JobOperator jobOperator;

	@Autowired
	@Qualifier("customerReport")
	private Job customerReport;

	@Autowired
	@Qualifier("customerReportJoined")
	private Job customerReportJoined;

	@Autowired
	private TaskRecordings recordings;

	@Autowired
	private RecordingStore store;

	@Test
	void aStepIsOneTaskOverAllItsChunksWithTheNPlusOneOfItsProcessor() throws Exception {
		run(this.customerReport);
		AnalyzedRecording run = next("customerReport / customerNames");
		Recording recording = run.recording();
		assertThat(recording.getKind()).isEqualTo(Kind.TASK);
		assertThat(recording.getMethod()).isEqualTo("batch");
		// The reader's query and one query per item, over three chunks: had each chunk
		// been a recording, it would hold two or three statements.
		assertThat(recording.getQueryCount()).isEqualTo(1 + BatchTestApplication.ORDERS);
		assertThat(recording.getQueries()).allSatisfy((query) -> assertThat(query.sql()).contains("batch_"));
		assertThat(run.activeFindings()).anySatisfy((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(BatchTestApplication.ORDERS);
		});
		assertThat(this.store.findById(recording.getId())).isPresent();
	}

	@Test
	void aStepBuiltInsideItsJobIsRecordedAndItsJoinHasNoNPlusOne() throws Exception {
		run(this.customerReportJoined);
		AnalyzedRecording run = next("customerReportJoined / customerNamesJoined");
		assertThat(run.recording().getQueryCount()).isEqualTo(1);
		assertThat(run.activeFindings()).noneMatch((finding) -> finding.type() == FindingType.N_PLUS_ONE);
	}

	@Test
	void theTransactionOfEachChunkIsTheStepsDesignNotManyTransactions() throws Exception {
		run(this.customerReportJoined);
		AnalyzedRecording run = next("customerReportJoined / customerNamesJoined");
		assertThat(run.recording().getTransactions().getTransactions()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(run.activeFindings()).noneMatch((finding) -> finding.type() == FindingType.MANY_TRANSACTIONS);
	}

	private void run(Job job) throws Exception {
		JobExecution execution = this.jobOperator.start(job,
				new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	private AnalyzedRecording next(String name) throws InterruptedException {
		AnalyzedRecording finished = this.recordings.await((recording) -> recording.getUri().equals(name));
		assertThat(finished).as("a task recording named " + name + " within 30 s, of " + this.recordings.all())
			.isNotNull();
		return finished;
	}

}
