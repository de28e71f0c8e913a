package dev.querylens.listeners;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each record (or batch) a {@code @KafkaListener} method handles is a task recording
 * named after the method and the topic, over a real delivery by an embedded KRaft broker.
 */
@SpringBootTest(classes = KafkaListenersTestApplication.class)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:kafka-listeners;DB_CLOSE_DELAY=-1",
		"logging.level.org.apache.kafka=warn", "logging.level.kafka=warn", "logging.level.state.change.logger=warn" })
@TestDatabase("h2")
// Closed after the class: its broker, its consumers and its pool are not kept among the
// cached contexts.
@DirtiesContext
class KafkaListenerRecordingIntegrationTests {

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private TaskRecordings recordings;

	@Autowired
	private RecordingStore store;

	@Autowired
	private KafkaListenersTestApplication.OrderListener listener;

	@Test
	void aDeliveredRecordIsATaskNamedAfterTheListenerAndTheTopicWithItsNPlusOne() throws Exception {
		this.kafka.send(KafkaListenersTestApplication.ORDERS, "order 1").get();
		AnalyzedRecording run = next("OrderListener.onOrder ← topic orders");
		Recording recording = run.recording();
		assertThat(recording.getKind()).isEqualTo(Kind.TASK);
		assertThat(recording.getMethod()).isEqualTo("listener");
		assertThat(recording.getQueryCount()).isEqualTo(1 + ListenerShop.ORDERS);
		assertThat(recording.getQueries()).allSatisfy((query) -> assertThat(query.sql()).contains("listener_"));
		assertThat(run.activeFindings()).anySatisfy((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(ListenerShop.ORDERS);
		});
		assertThat(this.store.findById(recording.getId())).isPresent();
	}

	@Test
	void theTwinThatJoinsIsRecordedWithNoNPlusOne() throws Exception {
		this.kafka.send(KafkaListenersTestApplication.ORDERS_JOINED, "order 1").get();
		AnalyzedRecording run = next("OrderListener.onOrderJoined ← topic orders-joined");
		assertThat(run.recording().getQueryCount()).isEqualTo(1);
		assertThat(run.activeFindings()).noneMatch((finding) -> finding.type() == FindingType.N_PLUS_ONE);
	}

	@Test
	void aBatchIsOneTaskWithTheStatementsOfAllItsRecords() throws Exception {
		int records = 3;
		for (int id = 1; id <= records; id++) {
			this.kafka.send(KafkaListenersTestApplication.ORDERS_BATCH, String.valueOf(id));
		}
		this.kafka.flush();
		// The broker decides how the records fall into batches: one customer read per
		// record, so the batches' recordings add up to the records sent.
		List<Recording> batches = new ArrayList<>();
		AnalyzedRecording last = this.recordings.await((recording) -> {
			if (recording.getUri().equals("OrderListener.onOrders ← topic orders-batch")) {
				batches.add(recording);
			}
			return batches.stream().mapToLong(Recording::getQueryCount).sum() >= records;
		});
		assertThat(last)
			.as("batch recordings of " + records + " statements in all within 30 s, of " + this.recordings.all())
			.isNotNull();
		assertThat(batches.stream().mapToLong(Recording::getQueryCount).sum()).isEqualTo(records);
		assertThat(batches).hasSize(this.listener.batches.get())
			.allSatisfy((batch) -> assertThat(batch.getMethod()).isEqualTo("listener"));
	}

	private AnalyzedRecording next(String name) throws InterruptedException {
		AnalyzedRecording finished = this.recordings.await((recording) -> recording.getUri().equals(name));
		assertThat(finished).as("a task recording named " + name + " within 30 s, of " + this.recordings.all())
			.isNotNull();
		return finished;
	}

}
