package dev.querylens.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRecordingStoreTests {

	private final RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none());

	private long second;

	@Test
	void aTaskThatRunsOftenCannotPushTheRequestsOut() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(3, 2);
		AnalyzedRecording request = add(store, Kind.HTTP, "/orders");
		for (int i = 0; i < 50; i++) {
			add(store, Kind.TASK, "Job.tick");
		}
		assertThat(store.findAll()).hasSize(3).contains(request);
		assertThat(store.findById(request.recording().getId())).contains(request);
	}

	@Test
	void eachKindKeepsItsOwnNewestAndTheListIsNewestFirstAcrossKinds() {
		InMemoryRecordingStore store = new InMemoryRecordingStore(2, 2);
		add(store, Kind.HTTP, "/a");
		AnalyzedRecording b = add(store, Kind.HTTP, "/b");
		add(store, Kind.TASK, "first");
		AnalyzedRecording c = add(store, Kind.HTTP, "/c");
		AnalyzedRecording second = add(store, Kind.TASK, "second");
		AnalyzedRecording third = add(store, Kind.TASK, "third");
		assertThat(store.findAll()).containsExactly(third, second, c, b);
		store.clear();
		assertThat(store.findAll()).isEmpty();
		assertThat(store.findById(third.recording().getId())).isEmpty();
	}

	private AnalyzedRecording add(InMemoryRecordingStore store, Kind kind, String name) {
		Clock clock = Clock.fixed(Instant.EPOCH.plusSeconds(this.second++), ZoneOffset.UTC);
		Recording recording = Recording.start(kind, null, name, null, 10, clock, System::nanoTime);
		recording.finish(0, null);
		AnalyzedRecording analyzed = this.analyzer.analyze(recording);
		store.add(analyzed);
		return analyzed;
	}

}
