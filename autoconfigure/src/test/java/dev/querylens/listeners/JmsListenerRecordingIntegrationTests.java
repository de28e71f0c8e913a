package dev.querylens.listeners;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;
import dev.querylens.task.TaskRecorder;
import dev.querylens.task.messaging.RecordedListenerMethods;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each message a {@code @JmsListener} method handles is a task recording named after the
 * method and the queue, over a real delivery by an embedded Artemis broker.
 */
@SpringBootTest(classes = JmsListenersTestApplication.class)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:jms-listeners;DB_CLOSE_DELAY=-1",
		"logging.level.org.apache.activemq.audit=warn" })
@TestDatabase("h2")
// Closed after the class: its broker, its consumers and its pool are not kept among the
// cached contexts.
@DirtiesContext
class JmsListenerRecordingIntegrationTests {

	@Autowired
	private JmsTemplate jms;

	@Autowired
	private TaskRecordings recordings;

	@Autowired
	private RecordingStore store;

	@Autowired
	private TaskRecorder taskRecorder;

	@Autowired
	private JmsListenersTestApplication.OrderListener listener;

	@Test
	void aDeliveredMessageIsATaskNamedAfterTheListenerAndTheQueueWithItsNPlusOne() throws Exception {
		this.jms.convertAndSend("orders", "order 1");
		AnalyzedRecording run = next("OrderListener.onOrder ← queue orders");
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
		this.jms.convertAndSend("orders-joined", "order 1");
		AnalyzedRecording run = next("OrderListener.onOrderJoined ← queue orders-joined");
		assertThat(run.recording().getQueryCount()).isEqualTo(1);
		assertThat(run.activeFindings()).noneMatch((finding) -> finding.type() == FindingType.N_PLUS_ONE);
	}

	@Test
	void aListenerCalledInsideARecordingJoinsIt() throws Exception {
		DefaultMessageHandlerMethodFactory framework = new DefaultMessageHandlerMethodFactory();
		framework.afterPropertiesSet();
		Method onOrder = JmsListenersTestApplication.OrderListener.class.getDeclaredMethod("onOrder", String.class);
		InvocableHandlerMethod handler = new RecordedListenerMethods(framework, () -> this.taskRecorder,
				(message) -> "queue orders")
			.createInvocableHandlerMethod(this.listener, onOrder);
		Recording outer = Recording.start(Kind.TEST, null, "outer", null, 100);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(outer)) {
			handler.invoke(new GenericMessage<>("order 1"));
		}
		outer.finish(0, null);
		// Had the listener started a recording of its own, that one would have been
		// current and had the statements.
		assertThat(outer.getQueryCount()).isEqualTo(1 + ListenerShop.ORDERS);
		assertThat(CurrentRecording.get()).isNull();
	}

	private AnalyzedRecording next(String name) throws InterruptedException {
		AnalyzedRecording finished = this.recordings.await((recording) -> recording.getUri().equals(name));
		assertThat(finished).as("a task recording named " + name + " within 30 s, of " + this.recordings.all())
			.isNotNull();
		return finished;
	}

}
