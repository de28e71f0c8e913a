package dev.querylens.listeners;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
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
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each message a {@code @RabbitListener} method handles is a task recording named after
 * the method and the queue, over a real delivery by the machine's RabbitMQ (which must
 * run: the test fails, never skips, when it does not).
 */
@SpringBootTest(classes = RabbitListenersTestApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:rabbit-listeners;DB_CLOSE_DELAY=-1")
@TestDatabase("h2")
// Closed after the class: its broker, its consumers and its pool are not kept among the
// cached contexts.
@DirtiesContext
class RabbitListenerRecordingIntegrationTests {

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	@Qualifier("orders")
	private Queue orders;

	@Autowired
	@Qualifier("ordersJoined")
	private Queue ordersJoined;

	@Autowired
	private TaskRecordings recordings;

	@Autowired
	private RecordingStore store;

	@Test
	void aDeliveredMessageIsATaskNamedAfterTheListenerAndTheQueueWithItsNPlusOne() throws Exception {
		this.rabbit.convertAndSend(this.orders.getName(), "order 1");
		AnalyzedRecording run = next("OrderListener.onOrder ← queue " + this.orders.getName());
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
		this.rabbit.convertAndSend(this.ordersJoined.getName(), "order 1");
		AnalyzedRecording run = next("OrderListener.onOrderJoined ← queue " + this.ordersJoined.getName());
		assertThat(run.recording().getQueryCount()).isEqualTo(1);
		assertThat(run.activeFindings()).noneMatch((finding) -> finding.type() == FindingType.N_PLUS_ONE);
	}

	private AnalyzedRecording next(String name) throws InterruptedException {
		AnalyzedRecording finished = this.recordings.await((recording) -> recording.getUri().equals(name));
		assertThat(finished).as("a task recording named " + name + " within 30 s, of " + this.recordings.all())
			.isNotNull();
		return finished;
	}

}
