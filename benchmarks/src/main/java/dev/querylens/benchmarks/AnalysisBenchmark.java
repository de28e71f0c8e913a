package dev.querylens.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.DetectorSettings;
import dev.querylens.analysis.IdentityKeyTables;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The analysis of one finished recording, all detectors, as {@code RecordingCollector}
 * runs it when a request ends. The recording keeps every statement in full
 * ({@code max-queries} as large as the statement count): a parent SELECT then, per parent
 * row, a lazy to-one load and a collection load (so N+1s and duplicates to find), with a
 * run of single-row UPDATEs and INSERTs at the end (batchable writes), each with a call
 * site.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalysisBenchmark {

	@Param({ "4", "1000", "10000" })
	public int statements;

	private final RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(DetectorSettings.defaults(),
			AssociationResolver.none(), IdentityKeyTables.none());

	private Recording recording;

	@Setup(Level.Trial)
	public void record() {
		this.recording = Recording.start(Kind.HTTP, "GET", "/orders", null, this.statements);
		CallSite parent = callSite("OrderController", "list", 31);
		CallSite lazy = callSite("OrderRow", "of", 12);
		CallSite writer = callSite("StockService", "update", 57);
		this.recording.record("select o1_0.id,o1_0.customer_id,o1_0.placed_on from orders o1_0 order by o1_0.id",
				List.of(), 1, this.statements, 0, 200_000, 1, "dataSource", parent, null);
		int writes = this.statements / 10;
		for (int i = 1; i < this.statements - writes; i++) {
			if (i % 2 == 1) {
				this.recording.record("select c1_0.id,c1_0.city,c1_0.name from customer c1_0 where c1_0.id=?",
						List.of((long) (i % 97)), 1, 1, i * 1000L, 50_000, 1, "dataSource", lazy, null);
			}
			else {
				this.recording.record(
						"select i1_0.order_id,i1_0.id,i1_0.product_id,i1_0.quantity,i1_0.unit_price from order_item i1_0 where i1_0.order_id=?",
						List.of((long) i), 1, 3, i * 1000L, 60_000, 1, "dataSource", lazy, null);
			}
		}
		for (int i = 0; i < writes; i++) {
			String sql = (i % 2 == 0) ? "update stock_level set quantity=? where product_id=?"
					: "insert into stock_movement (product_id,quantity,id) values (?,?,?)";
			this.recording.record(sql, List.of((long) i, 1L), 1, 1, (this.statements + i) * 1000L, 40_000, 1,
					"dataSource", writer, null);
		}
		this.recording.finish(200, "/orders");
	}

	/**
	 * Analyses the recording: groups, fingerprints (cached after the first call, as in an
	 * application), every detector.
	 * @return the analysis
	 */
	@Benchmark
	public AnalyzedRecording analyze() {
		return this.analyzer.analyze(this.recording);
	}

	private static CallSite callSite(String type, String method, int line) {
		return new CallSite("com.example.shop." + type, method, type + ".java", line);
	}

}
