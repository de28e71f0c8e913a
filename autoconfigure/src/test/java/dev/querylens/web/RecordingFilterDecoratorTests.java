package dev.querylens.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link RecordingFilter}'s response decorators: each isolated, so that one that
 * throws leaves the application's response as it wrote it, and a body held back only
 * where a decorator needs it.
 */
class RecordingFilterDecoratorTests {

	private static final String PAGE = "<html><body><h1>Orders</h1></body></html>";

	private final List<AnalyzedRecording> stored = new ArrayList<>();

	private final RecordingCollector collector = new RecordingCollector(
			RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none()), new InMemoryRecordingStore(10),
			List.of(this.stored::add));

	private final RecordedRequests recorded = new RecordedRequests(List.of("/querylens"), List::of, List.of());

	private final ToolbarInjector injector = new ToolbarInjector(ToolbarAccess.of(List.of("127.0.0.1"), false),
			"/querylens");

	@Test
	void aDecoratorThatThrowsAtEveryStepStillGivesTheApplicationsResponse() throws Exception {
		ResponseDecorator broken = new ResponseDecorator() {

			@Override
			public boolean holdsBody(RecordedExchange exchange) {
				throw new IllegalStateException("holdsBody");
			}

			@Override
			public void beforeCommit(RecordedExchange exchange) {
				throw new IllegalStateException("beforeCommit");
			}

			@Override
			public void finish(RecordedExchange exchange, BufferedResponse body) {
				throw new IllegalStateException("finish");
			}

		};
		RecordingFilter filter = new RecordingFilter(this.collector, 100, this.recorded,
				new TimingHeaders((request) -> true, this.recorded), this.injector, null, List.of(broken));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/orders"), response, page("text/html;charset=UTF-8"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).startsWith("<html><body><h1>Orders</h1>")
			.contains("data-querylens-id=")
			.endsWith("</body></html>");
		assertThat(response.getHeader(RecordingFilter.ID_HEADER)).isNotNull();
		assertThat(this.stored).hasSize(1);
	}

	@Test
	void aBadgeThatThrowsLeavesThePageByteForByte() throws Exception {
		ResponseDecorator brokenRewriter = new ResponseDecorator() {

			@Override
			public boolean holdsBody(RecordedExchange exchange) {
				return true;
			}

			@Override
			public void finish(RecordedExchange exchange, BufferedResponse body) {
				body.rewrite((response, bytes) -> {
					throw new IllegalStateException("the badge broke");
				});
			}

		};
		RecordingFilter filter = new RecordingFilter(this.collector, 100, this.recorded,
				new TimingHeaders((request) -> true, this.recorded), null, null, List.of(brokenRewriter));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/orders"), response, page("text/html;charset=UTF-8"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo(PAGE);
	}

	@Test
	void theServerTimingCarriesTheRecordingsIdForTheBadgeToFindTheCall() throws Exception {
		RecordingFilter filter = new RecordingFilter(this.collector, 100, this.recorded, this.injector, null,
				(request) -> true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/api/orders"), response, page("application/json"));
		String id = response.getHeader(RecordingFilter.ID_HEADER);
		assertThat(id).isNotNull();
		assertThat(response.getHeaders("Server-Timing")).contains("querylens;desc=\"" + id + "\"")
			.anyMatch((value) -> value.startsWith("db;dur="));
	}

	@Test
	void onlyTheHtmlPagesOfAnAllowedClientAreHeldBack() throws Exception {
		assertThat(heldWhileWriting("text/html;charset=UTF-8", "127.0.0.1", null)).isTrue();
		// It gets the id, but the container ends the response only once it is stored.
		assertThat(heldWhileWriting("application/json", "127.0.0.1", null)).isFalse();
		assertThat(heldWhileWriting("text/html;charset=UTF-8", "10.1.2.3", null)).isFalse();
		assertThat(heldWhileWriting("application/json", "10.1.2.3", null)).isFalse();
	}

	@Test
	void aBodyOfDeclaredLengthToAClientThatGetsTheIdIsHeldBack() throws Exception {
		// Complete for its client at its last byte: held until the recording is stored.
		assertThat(heldWithItsLength("127.0.0.1")).isTrue();
		assertThat(heldWithItsLength("10.1.2.3")).isFalse();
	}

	private boolean heldWithItsLength(String address) throws ServletException, IOException {
		RecordingFilter filter = new RecordingFilter(this.collector, 100, this.recorded, this.injector, null,
				this.injector::isShownTo);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean[] held = new boolean[1];
		byte[] body = "{\"orders\":[]}".getBytes(StandardCharsets.UTF_8);
		filter.doFilter(request, response, (req, res) -> {
			res.setContentType("application/json");
			res.setContentLength(body.length);
			res.getOutputStream().write(body);
			held[0] = response.getContentAsByteArray().length == 0;
		});
		assertThat(response.getContentAsByteArray()).isEqualTo(body);
		return held[0];
	}

	@Test
	void underAVetoEveryBodyIsHeldBackSoItCanStillBeReplaced() throws Exception {
		assertThat(heldWhileWriting("application/json", "10.1.2.3", (analyzed) -> null)).isTrue();
	}

	private boolean heldWhileWriting(String contentType, String address, ResponseVeto veto)
			throws ServletException, IOException {
		RecordingFilter filter = new RecordingFilter(this.collector, 100, this.recorded, this.injector, veto,
				this.injector::isShownTo);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean[] held = new boolean[1];
		filter.doFilter(request, response, (req, res) -> {
			res.setContentType(contentType);
			res.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
			held[0] = response.getContentAsByteArray().length == 0;
		});
		assertThat(response.getContentAsString()).startsWith("<html><body><h1>Orders</h1>");
		return held[0];
	}

	private static FilterChain page(String contentType) {
		return (request, response) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setContentType(contentType);
			http.getWriter().write(PAGE);
		};
	}

}
