package dev.querylens.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * The analysis of {@link AnalysisBenchmark}'s recordings timed in CPU time of the
 * analysing thread rather than in wall time, so that on a shared machine the time other
 * processes take the core away is not counted: {@code java -cp benchmarks.jar
 * dev.querylens.benchmarks.AnalysisCpuTime [statements...]}. Each size is analysed for
 * about 5 seconds of warm-up, then 200 times; the median and the fastest are printed.
 */
public final class AnalysisCpuTime {

	private AnalysisCpuTime() {
	}

	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		String[] sizes = (args.length > 0) ? args : new String[] { "1000", "10000" };
		for (String size : sizes) {
			AnalysisBenchmark benchmark = new AnalysisBenchmark();
			benchmark.statements = Integer.parseInt(size);
			benchmark.record();
			long warmUntil = System.nanoTime() + 5_000_000_000L;
			int sink = 0;
			while (System.nanoTime() < warmUntil) {
				sink += benchmark.analyze().findings().size();
			}
			long[] cpu = new long[200];
			for (int i = 0; i < cpu.length; i++) {
				long start = threads.getCurrentThreadCpuTime();
				AnalyzedRecording analysis = benchmark.analyze();
				cpu[i] = threads.getCurrentThreadCpuTime() - start;
				sink += analysis.findings().size();
			}
			java.util.Arrays.sort(cpu);
			System.out.printf(Locale.ROOT, "%s statements: CPU median %.3f ms, fastest %.3f ms (%d)%n", size,
					cpu[cpu.length / 2] / 1e6, cpu[0] / 1e6, sink % 10);
		}
	}

}
