package dev.querylens.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;
import dev.querylens.web.RecordedRequests;
import dev.querylens.web.RecordingFilter;
import dev.querylens.web.ToolbarAccess;
import dev.querylens.web.ToolbarInjector;

/**
 * What the recording filter allocates on the request thread for one request besides the
 * application's own work: its recording, its exchange, the response wrapper, the headers,
 * and the body held or not. The request and response are Spring's mock ones, made anew
 * per request for every variant alike, and the page writes 2 KB; the analysis runs on the
 * request thread at the defaults and is handed to an executor that drops it in lean mode,
 * so {@code lean} shows the request thread's share alone.
 * <p>
 * {@code off} is the same request through the chain alone: subtract it. Pages:
 * {@code html} through the writer (an allowed client's page, held for the badge at the
 * defaults), {@code json} through the stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResponseBenchmark {

	private static final String PAGE = "<!DOCTYPE html><html><body>" + "<p>order line</p>".repeat(120)
			+ "</body></html>";

	private static final byte[] JSON = ("{\"orders\":[" + "{\"id\":1,\"total\":12.5},".repeat(90) + "{}]}")
		.getBytes(StandardCharsets.UTF_8);

	/** QueryLens off, at its defaults for an allowed client, or the lean filter. */
	@Param({ "off", "defaults", "lean" })
	public String variant;

	/** The page written. */
	@Param({ "html", "json" })
	public String page;

	private RecordingFilter filter;

	private FilterChain chain;

	@Setup
	public void setUp() {
		ToolbarAccess access = ToolbarAccess.of(List.of("127.0.0.0/8", "::1"), false);
		RecordedRequests recorded = new RecordedRequests(List.of("/querylens"), List::of, List.of());
		RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none());
		this.filter = switch (this.variant) {
			case "off" -> null;
			case "defaults" ->
				new RecordingFilter(new RecordingCollector(analyzer, new InMemoryRecordingStore(100), List.of()), 1000,
						recorded, new ToolbarInjector(access, "/querylens"), null, access::isAllowed);
			case "lean" -> new RecordingFilter(
					new RecordingCollector(analyzer, new InMemoryRecordingStore(100), List.of(), (task) -> {
					}), 1000, recorded, null, null, access::isAllowed);
			default -> throw new IllegalArgumentException(this.variant);
		};
		this.chain = "html".equals(this.page) ? (request, response) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setContentType("text/html;charset=UTF-8");
			http.getWriter().write(PAGE);
			http.getWriter().flush();
		} : (request, response) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setContentType("application/json");
			http.getOutputStream().write(JSON);
			http.getOutputStream().flush();
		};
	}

	/**
	 * One request.
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public Object request() throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/1");
		request.setRemoteAddr("127.0.0.1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		if (this.filter == null) {
			this.chain.doFilter(request, response);
		}
		else {
			this.filter.doFilter(request, response, this.chain);
		}
		return response;
	}

}
