package dev.querylens.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The fixed cost of one recording with no queries: start, bind, unbind, finish. Each
 * recorded variant of {@link RecordingDataSourceBenchmark} pays it once per
 * {@value RecordingDataSourceBenchmark#STATEMENTS_PER_RECORDING} statements.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {

	/**
	 * Starts, binds, unbinds and finishes an empty recording.
	 * @return the finished recording
	 */
	@Benchmark
	public Recording emptyRecording() {
		Recording.Started recording = Recording.start(Kind.HTTP, "GET", "/bench", null, 1000);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(recording)) {
			return recording.finish(200, "/bench");
		}
	}

}
