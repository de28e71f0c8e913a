package dev.querylens.memory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods a real application, in a JVM of its own with a 256 MB heap, with requests of ten
 * 1 MB statements each: QueryLens must keep it alive and its store within
 * {@code querylens.store.max-size}. Without the bounds (all statements kept whole, as
 * before they existed) the JVM runs out of memory after a few dozen requests.
 */
class MemoryFloodTests {

	private static final int REQUESTS = 60;

	private static final long BUDGET = 4L * 1024 * 1024;

	@TempDir
	Path temp;

	@Test
	void aFloodOfHugeStatementsKeepsTheHeapAndTheStoreWithinTheirBounds() throws Exception {
		Result result = flood("--querylens.store.max-size=" + BUDGET + "B");
		assertThat(result.exitCode()).as("exit code (3 is an OutOfMemoryError); output:%n%s", result.output()).isZero();
		Map<String, String> values = result.values();
		assertThat(values).containsEntry("requests", String.valueOf(REQUESTS));
		assertThat(Long.parseLong(values.get("largest-store-size"))).isPositive().isLessThanOrEqualTo(BUDGET);
		// Fewer than the requests made, though far fewer than max-recordings: the budget
		// evicted them.
		assertThat(Long.parseLong(values.get("recordings"))).isPositive().isLessThan(REQUESTS);
	}

	private Result flood(String... properties) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), FloodApplication.class.getName(), String.valueOf(REQUESTS),
				"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
				"--querylens.n-plus-one.action=none"));
		if (System.getProperty("querylens.flood.unbounded") != null) {
			// How the application fared before the bounds: every statement kept whole, no
			// budget.
			command.add("--querylens.capture.max-sql-length=" + Integer.MAX_VALUE);
			command.add("--querylens.store.max-size=1TB");
		}
		else {
			command.addAll(List.of(properties));
		}
		File output = this.temp.resolve("flood.log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
		// A guard against a hung child only; nothing here is timed.
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		return new Result(process.isAlive() ? -1 : process.exitValue(),
				Files.readString(output.toPath(), StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String output) {

		Map<String, String> values() {
			return this.output.lines()
				.filter((line) -> line.matches("[a-z-]+=-?\\d+"))
				.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
						(line) -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
		}

	}

}
