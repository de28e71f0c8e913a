package dev.querylens.toolbar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose pages write exact bytes, so tests can tell whether QueryLens
 * changed a single one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ToolbarTestApplication {

	/** A page with two {@code </body>}: the badge belongs before the last. */
	static final String PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p><!-- </body> -->"
			+ "<p>café</p></body>\n</html>\n";

	/**
	 * The start of {@link #PAGE}, which a streaming page flushes before it goes on
	 * working.
	 */
	static final String PAGE_START = PAGE.substring(0, PAGE.indexOf("<!--"));

	static final String JSON = "{\"ok\":true,\"html\":\"</body>\"}";

	/**
	 * Bytes a large response writes before it waits for the client, then again after:
	 * several times the container's buffer.
	 */
	static final int LARGE_PART = 64 * 1024;

	@RestController
	static class Pages {

		private final JdbcTemplate jdbc;

		Pages(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/page")
		void page(HttpServletResponse response) throws IOException {
			this.jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?",
					Integer.class, "<img src=x onerror=alert(1)>");
			html(response, 200);
		}

		@GetMapping("/json")
		void json(HttpServletResponse response) throws IOException {
			response.setContentType("application/json");
			response.getOutputStream().write(JSON.getBytes(StandardCharsets.UTF_8));
		}

		@GetMapping("/failed")
		void failed(HttpServletResponse response) throws IOException {
			html(response, 500);
		}

		@GetMapping("/created")
		void created(HttpServletResponse response) throws IOException {
			html(response, 201);
		}

		@GetMapping("/gzip")
		void gzip(HttpServletResponse response) throws IOException {
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Content-Encoding", "gzip");
			response.getOutputStream().write(gzipped());
		}

		@GetMapping("/attachment")
		void attachment(HttpServletResponse response) throws IOException {
			response.setHeader("Content-Disposition", "attachment; filename=\"page.html\"");
			html(response, 200);
		}

		@GetMapping("/streamed")
		void streamed(HttpServletResponse response) throws IOException {
			response.setContentType("text/html;charset=UTF-8");
			byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
			response.getOutputStream().write(bytes, 0, 10);
			response.flushBuffer();
			response.getOutputStream().write(bytes, 10, bytes.length - 10);
		}

		@GetMapping("/flushed/writer")
		void flushedThroughTheWriter(HttpServletResponse response) throws Exception {
			this.jdbc.queryForObject("select 1", Integer.class);
			response.setContentType("text/html;charset=UTF-8");
			PrintWriter writer = response.getWriter();
			writer.write(PAGE_START);
			writer.flush();
			FlushGate.awaitClient();
			writer.write(PAGE.substring(PAGE_START.length()));
		}

		@GetMapping("/flushed/stream")
		void flushedThroughTheStream(HttpServletResponse response) throws Exception {
			this.jdbc.queryForObject("select 1", Integer.class);
			response.setContentType("text/html;charset=UTF-8");
			byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
			int start = PAGE_START.getBytes(StandardCharsets.UTF_8).length;
			response.getOutputStream().write(bytes, 0, start);
			response.getOutputStream().flush();
			FlushGate.awaitClient();
			response.getOutputStream().write(bytes, start, bytes.length - start);
		}

		@GetMapping("/large/json")
		void largeJson(HttpServletResponse response) throws Exception {
			this.jdbc.queryForObject("select 1", Integer.class);
			response.setContentType("application/json");
			large(response.getOutputStream()::write);
		}

		@GetMapping("/large/page")
		void largePage(HttpServletResponse response) throws Exception {
			this.jdbc.queryForObject("select 1", Integer.class);
			response.setContentType("text/html;charset=UTF-8");
			PrintWriter writer = response.getWriter();
			large((bytes) -> writer.write(new String(bytes, StandardCharsets.US_ASCII)));
		}

		// Written without a flush: the container's own buffer (8 KB) sends it on, unless
		// something holds the body in between.
		private static void large(BodyPart part) throws Exception {
			byte[] bytes = new byte[LARGE_PART];
			Arrays.fill(bytes, (byte) 'x');
			part.write(bytes);
			FlushGate.awaitClient();
			part.write(bytes);
		}

		@GetMapping("/sized")
		void sized(HttpServletResponse response) throws IOException {
			byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
			response.setContentLength(bytes.length);
			html(response, 200);
		}

		@GetMapping("/written")
		void written(HttpServletResponse response) throws IOException {
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(PAGE);
			response.getWriter().flush();
		}

		@GetMapping("/utf16")
		void utf16(HttpServletResponse response) throws IOException {
			response.setContentType("text/html;charset=UTF-16");
			response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_16));
		}

		@GetMapping("/nonce")
		void nonce(HttpServletResponse response) throws IOException {
			response.setHeader("Content-Security-Policy",
					"default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic'");
			html(response, 200);
		}

		@GetMapping("/strict")
		void strict(HttpServletResponse response) throws IOException {
			response.setHeader("Content-Security-Policy", "script-src 'strict-dynamic' 'sha256-abc'");
			html(response, 200);
		}

		@GetMapping("/self")
		void self(HttpServletResponse response) throws IOException {
			response.setHeader("Content-Security-Policy", "default-src 'self'");
			html(response, 200);
		}

		@GetMapping("/count/{n}")
		String count(@org.springframework.web.bind.annotation.PathVariable int n) {
			for (int i = 0; i < n; i++) {
				this.jdbc.queryForObject("select ?", Integer.class, i);
			}
			return String.valueOf(n);
		}

		@GetMapping("/update")
		String update() {
			this.jdbc.update("create table if not exists counter (n int)");
			this.jdbc.update("update counter set n = n + 1");
			return "ok";
		}

		private static void html(HttpServletResponse response, int status) throws IOException {
			response.setStatus(status);
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
		}

	}

	@FunctionalInterface
	interface BodyPart {

		void write(byte[] bytes) throws IOException;

	}

	/**
	 * Holds a streaming page after its flush until the test's client has received the
	 * flushed bytes. The wait is bounded only so that a response held back by mistake
	 * fails the test instead of hanging it.
	 */
	static final class FlushGate {

		private static volatile CountDownLatch clientHasBytes = new CountDownLatch(0);

		private static volatile CompletableFuture<Boolean> releasedByClient = CompletableFuture.completedFuture(true);

		/** Arms the gate for the next streaming page. */
		static void arm() {
			clientHasBytes = new CountDownLatch(1);
			releasedByClient = new CompletableFuture<>();
		}

		/** Called by the test once its client has the flushed bytes. */
		static void release() {
			clientHasBytes.countDown();
		}

		/**
		 * Whether the page was released by the client (rather than by the bound on the
		 * wait).
		 * @return whether the client had the flushed bytes while the page was still
		 * waiting
		 */
		static boolean wasReleasedByClient() {
			return releasedByClient.join();
		}

		static void awaitClient() throws InterruptedException {
			releasedByClient.complete(clientHasBytes.await(10, TimeUnit.SECONDS));
		}

	}

	static byte[] gzipped() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(PAGE.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
