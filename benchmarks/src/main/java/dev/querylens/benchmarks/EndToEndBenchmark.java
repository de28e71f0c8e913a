package dev.querylens.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo application under load, with QueryLens off, at its defaults and in lean mode,
 * alternated in one run so that the three share whatever else the machine is doing.
 * <p>
 * Each variant is its own JVM on PostgreSQL (its own schema, so the three never touch
 * each other's tables). The load is closed-loop: a fixed number of clients, each sending
 * its next request when the previous one is answered, for a fixed time per round; the
 * variants take turns within each round, in a rotated order. Printed: requests per second
 * per round, the throughput ratio against QueryLens off per round and its median, and
 * p50/p99 latency over all rounds. Before the rounds, each page is warmed up in turns of
 * the same length until every variant's throughput settles (printed as "warm-up").
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.querylens.benchmarks.EndToEndBenchmark
 * demo-app/target/querylens-demo-0.1.0-SNAPSHOT.jar [seconds per turn, 10] [rounds, 3] [clients, 4]}
 */
public final class EndToEndBenchmark {

	private static final Map<String, List<String>> VARIANTS = new LinkedHashMap<>();

	static {
		VARIANTS.put("off", List.of("--querylens.enabled=false"));
		VARIANTS.put("defaults", List.of());
		VARIANTS.put("lean", List.of("--querylens.mode=lean"));
	}

	// A 4-statement HTML page (the order, its customer, its items, the customer's order
	// count) and a JSON page of 50
	// rows from 1 statement.
	private static final List<String> PAGES = List.of("/orders/1", "/api/orders/fast");

	private static final int MIN_WARM_UP_TURNS = 3;

	private static final int MAX_WARM_UP_TURNS = 10;

	private static final double SETTLED = 0.05;

	private EndToEndBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("Usage: EndToEndBenchmark <demo jar> [seconds per turn] [rounds] [clients]");
			System.exit(2);
		}
		String jar = args[0];
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		int clients = (args.length > 3) ? Integer.parseInt(args[3]) : 4;
		String jdbcUrl = System.getProperty("jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");
		Map<String, Process> processes = new LinkedHashMap<>();
		Map<String, Integer> ports = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, List<String>> variant : VARIANTS.entrySet()) {
				int port = freePort();
				ports.put(variant.getKey(), port);
				processes.put(variant.getKey(), start(jar, variant.getKey(), port, jdbcUrl, variant.getValue()));
			}
			for (Map.Entry<String, Integer> port : ports.entrySet()) {
				awaitReady(port.getKey(), port.getValue(), processes.get(port.getKey()));
			}
			System.out.printf(Locale.ROOT, "Load average at start: %s; %d clients, %d s per turn, %d rounds%n",
					loadAverage(), clients, seconds, rounds);
			List<String> names = new ArrayList<>(VARIANTS.keySet());
			for (String page : PAGES) {
				warmUp(page, names, ports, clients, seconds);
			}
			for (String page : PAGES) {
				Map<String, List<Double>> throughput = new LinkedHashMap<>();
				Map<String, List<long[]>> latencies = new LinkedHashMap<>();
				for (int round = 0; round < rounds; round++) {
					for (int turn = 0; turn < names.size(); turn++) {
						String name = names.get((round + turn) % names.size());
						Result result = run(ports.get(name), page, clients, seconds);
						throughput.computeIfAbsent(name, (key) -> new ArrayList<>()).add(result.perSecond());
						latencies.computeIfAbsent(name, (key) -> new ArrayList<>()).add(result.latencies());
					}
				}
				report(page, names, throughput, latencies);
			}
			System.out.printf(Locale.ROOT, "Load average at end: %s%n", loadAverage());
		}
		finally {
			for (Process process : processes.values()) {
				process.destroy();
			}
			for (Process process : processes.values()) {
				process.waitFor();
			}
		}
	}

	// Until every variant's throughput settles: a JVM that has just started climbs for
	// tens of thousands of requests (JIT, the pools, the database's caches), and a short
	// fixed warm-up let "off" climb from round to round, which the ratios then took for
	// QueryLens's cost. Turns of the measured length, variants alternated; done when
	// each variant's last two turns are within 5 % of each other (at least 3, at most 10
	// turns each).
	private static void warmUp(String page, List<String> names, Map<String, Integer> ports, int clients, int seconds)
			throws Exception {
		Map<String, List<Double>> rates = new LinkedHashMap<>();
		for (int turn = 0; turn < MAX_WARM_UP_TURNS; turn++) {
			boolean settled = turn >= MIN_WARM_UP_TURNS - 1;
			for (String name : names) {
				List<Double> mine = rates.computeIfAbsent(name, (key) -> new ArrayList<>());
				mine.add(run(ports.get(name), page, clients, seconds).perSecond());
				settled &= mine.size() >= 2
						&& Math.abs(mine.get(mine.size() - 1) / mine.get(mine.size() - 2) - 1) <= SETTLED;
			}
			if (settled) {
				break;
			}
		}
		for (Map.Entry<String, List<Double>> entry : rates.entrySet()) {
			System.out.printf(Locale.ROOT, "warm-up %s %s: %s req/s%n", page, entry.getKey(),
					join(entry.getValue(), "%.0f"));
		}
	}

	private static Process start(String jar, String name, int port, String jdbcUrl, List<String> variantArgs)
			throws IOException {
		String schema = "querylens_bench_" + name;
		String separator = jdbcUrl.contains("?") ? "&" : "?";
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx512m",
						"-XX:+UseParallelGC", "-jar", jar, "--server.port=" + port, "--spring.profiles.active=postgres",
						"--spring.datasource.url=" + jdbcUrl + separator + "currentSchema=" + schema,
						"--spring.jpa.properties.hibernate.default_schema=" + schema,
						"--spring.jpa.properties.hibernate.hbm2ddl.create_namespaces=true",
						// Kept between runs: the seeders skip a seeded schema, so a rerun
						// starts in seconds.
						"--spring.jpa.hibernate.ddl-auto=update", "--logging.level.root=WARN",
						"--querylens.n-plus-one.action=none", "--spring.main.banner-mode=off"));
		// Extra JVM options for every variant, such as a flight recording to profile
		// with: -Dbench.jvmArgs="-XX:StartFlightRecording=filename=/tmp/e2e.jfr".
		String jvmArgs = System.getProperty("bench.jvmArgs", "").trim();
		if (!jvmArgs.isEmpty()) {
			List<String> extra = new ArrayList<>();
			for (String arg : jvmArgs.split("\\s+")) {
				extra.add(arg.replace("{variant}", name));
			}
			command.addAll(1, extra);
		}
		command.addAll(variantArgs);
		File log = Files.createTempFile("querylens-bench-" + name + "-", ".log").toFile();
		System.out.printf(Locale.ROOT, "%s: port %d, log %s%n", name, port, log);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static void awaitReady(String name, int port, Process process) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see its log");
			}
			try {
				HttpResponse<Void> response = http.send(request(port, PAGES.get(0)),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " did not answer within 15 minutes");
	}

	private static Result run(int port, String page, int clients, int seconds) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch done = new CountDownLatch(clients);
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		String[] failures = new String[clients];
		HttpRequest request = request(port, page);
		for (int c = 0; c < clients; c++) {
			int client = c;
			Thread thread = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				long[] mine = new long[1 << 16];
				int count = 0;
				try {
					while (!stop.get()) {
						long start = System.nanoTime();
						HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
						long took = System.nanoTime() - start;
						if (response.statusCode() != 200) {
							throw new IllegalStateException(page + " answered " + response.statusCode());
						}
						if (count == mine.length) {
							mine = Arrays.copyOf(mine, count * 2);
						}
						mine[count++] = took;
					}
				}
				catch (Exception ex) {
					failures[client] = ex.toString();
				}
				latencies[client] = Arrays.copyOf(mine, count);
				counts[client] = count;
				done.countDown();
			}, "load-" + c);
			thread.setDaemon(true);
			thread.start();
		}
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		for (String failure : failures) {
			if (failure != null) {
				throw new IllegalStateException(failure);
			}
		}
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (long[] mine : latencies) {
			System.arraycopy(mine, 0, all, at, mine.length);
			at += mine.length;
		}
		return new Result(total / elapsed, all);
	}

	private static void report(String page, List<String> names, Map<String, List<Double>> throughput,
			Map<String, List<long[]>> latencies) {
		System.out.printf(Locale.ROOT, "%n%s%n", page);
		System.out.println("| variant | req/s per round | ratio to off per round | median ratio | p50 ms | p99 ms |");
		System.out.println("|---|---|---|---:|---:|---:|");
		List<Double> baseline = throughput.get(names.get(0));
		for (String name : names) {
			List<Double> mine = throughput.get(name);
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < mine.size(); i++) {
				ratios.add(mine.get(i) / baseline.get(i));
			}
			long[] all = latencies.get(name).stream().flatMapToLong(Arrays::stream).sorted().toArray();
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.2f | %.2f |%n", name, join(mine, "%.0f"),
					join(ratios, "%.3f"), median(ratios), percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
		}
	}

	private static String join(List<Double> values, String format) {
		List<String> parts = new ArrayList<>();
		for (double value : values) {
			parts.add(String.format(Locale.ROOT, format, value));
		}
		return String.join(" / ", parts);
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
	}

	private static HttpRequest request(int port, String page) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private record Result(double perSecond, long[] latencies) {
	}

}
