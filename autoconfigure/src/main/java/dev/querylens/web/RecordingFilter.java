package dev.querylens.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTextLimit;
import dev.querylens.store.RecordingCollector;

/**
 * Records the queries of each HTTP request: opens a recording when the request arrives, binds it to the thread
 * (and to the async dispatches that continue the request), and finishes it in {@code finally}, setting the
 * {@code X-QueryLens-Id} and {@code Server-Timing} headers for the clients allowed to see them, the id only for a
 * recording that is kept. The recording is analysed before the held-back response leaves, so that a
 * {@link ResponseVeto} can still replace it.
 */
public final class RecordingFilter extends OncePerRequestFilter {

	/** Name of the response header that carries the recording's id. */
	public static final String ID_HEADER = "X-QueryLens-Id";

	/** Request attribute holding the request's {@link Recording}. */
	public static final String RECORDING_ATTRIBUTE = RecordingFilter.class.getName() + ".recording";

	// Whether the finished recording went to the store, known before the held-back response leaves.
	private static final String KEPT_ATTRIBUTE = RecordingFilter.class.getName() + ".kept";

	private static final Log logger = LogFactory.getLog(RecordingFilter.class);

	// Large enough for an ordinary page, so its Server-Timing counts the view's queries too.
	private static final int BUFFER_LIMIT = 256 * 1024;

	private final RecordingCollector collector;

	private final int maxQueries;

	private final RecordedRequests recorded;

	private final ToolbarInjector injector;

	private final ResponseVeto veto;

	private final Predicate<HttpServletRequest> headersFor;

	private SqlTextLimit sqlTextLimit = SqlTextLimit.none();

	/**
	 * Creates the filter with the toolbar's badge and a veto.
	 * @param collector where finished recordings go
	 * @param maxQueries how many queries each recording keeps in full
	 * @param recorded which requests are recorded, and which recordings kept
	 * @param injector adds the badge to the HTML pages of allowed clients, or {@code null}
	 * @param veto consulted before a response leaves, or {@code null}
	 * @param headersFor which requests' responses get the {@value #ID_HEADER} and {@code Server-Timing} headers
	 */
	public RecordingFilter(RecordingCollector collector, int maxQueries, RecordedRequests recorded,
			ToolbarInjector injector, ResponseVeto veto, Predicate<HttpServletRequest> headersFor) {
		this.collector = collector;
		this.maxQueries = maxQueries;
		this.recorded = recorded;
		this.injector = injector;
		this.veto = veto;
		this.headersFor = headersFor;
	}

	/**
	 * Sets how much of each statement's text the recordings keep.
	 * @param sqlTextLimit the limit, {@link SqlTextLimit#none()} by default
	 */
	public void setSqlTextLimit(SqlTextLimit sqlTextLimit) {
		this.sqlTextLimit = sqlTextLimit;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.recorded.isRecorded(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Recording recording = (Recording) request.getAttribute(RECORDING_ATTRIBUTE);
		if (recording == null) {
			recording = start(request);
			request.setAttribute(RECORDING_ATTRIBUTE, recording);
		}
		Recording current = recording;
		// An async dispatch gets the response the request started async with: buffered once already.
		BufferedResponse existing = BufferedResponse.find(response);
		BufferedResponse buffered = (existing != null) ? existing
				: new BufferedResponse(response, BUFFER_LIMIT, () -> addHeaders(request, response, current),
						this.veto != null);
		boolean failed = true;
		try (CurrentRecording.Scope scope = CurrentRecording.bind(recording)) {
			chain.doFilter(request, (existing != null) ? response : buffered);
			failed = false;
		}
		finally {
			if (request.isAsyncStarted()) {
				buffered.finishIfWritten();
				request.getAsyncContext().addListener(new FinishOnCompletion(current));
			}
			else {
				// Analysed and stored before the held-back body leaves: a veto can still replace the response, and a
				// client that has the response (or the badge in it) can already look the recording up.
				boolean finishedHere = current.finish(
						failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), pattern(request));
				boolean kept = finishedHere && this.recorded.isKept(request, current);
				request.setAttribute(KEPT_ATTRIBUTE, kept);
				AnalyzedRecording analyzed = kept ? this.collector.collect(current) : null;
				if (failed) {
					// The container's error page goes to the response itself, past the held-back one.
					if (kept && this.headersFor.test(request) && !response.isCommitted()) {
						response.setHeader(ID_HEADER, current.getId());
					}
				}
				else {
					String reason = (analyzed != null && this.veto != null) ? this.veto.veto(analyzed) : null;
					if (reason != null) {
						fail(buffered, response, this.headersFor.test(request) ? current : null, reason);
					}
					else {
						// A badge needs a recording to show: none for a static page that is not kept.
						buffered.finish((this.injector != null && kept) ? this.injector.rewriterFor(request, current)
								: null);
					}
				}
			}
		}
	}

	private static void fail(BufferedResponse buffered, HttpServletResponse response, @Nullable Recording identified,
			String reason) throws IOException, ServletException {
		if (buffered.isCommitted()) {
			throw new ServletException(reason + "\n(The response was already committed, so it could not be replaced.)");
		}
		buffered.reset();
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		if (identified != null) {
			response.setHeader(ID_HEADER, identified.getId());
		}
		response.setContentType("text/plain;charset=UTF-8");
		byte[] body = reason.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private Recording start(HttpServletRequest request) {
		String path = request.getRequestURI();
		return Recording.start(Kind.HTTP, request.getMethod().toUpperCase(Locale.ROOT), path,
				request.getQueryString(), this.maxQueries, this.sqlTextLimit);
	}

	private static String pattern(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : null;
	}

	private void addHeaders(HttpServletRequest request, HttpServletResponse response, Recording recording) {
		try {
			if (response.isCommitted() || !this.headersFor.test(request)) {
				return;
			}
			if (isKept(request, response, recording)) {
				response.setHeader(ID_HEADER, recording.getId());
			}
			int count = recording.getQueryCount();
			String millis = String.format(Locale.ROOT, "%.1f", recording.getQueryTimeNanos() / 1_000_000.0);
			response.addHeader("Server-Timing",
					"db;dur=" + millis + ";desc=\"" + count + ((count == 1) ? " query\"" : " queries\""));
		}
		catch (RuntimeException ex) {
			logger.debug("QueryLens could not set Server-Timing", ex);
		}
	}

	// Known once the request is done; a response committed before that (flushed, streamed, async) is judged on what
	// can no longer change: its status and handler, and the statements run so far, which only grow.
	private boolean isKept(HttpServletRequest request, HttpServletResponse response, Recording recording) {
		Object kept = request.getAttribute(KEPT_ATTRIBUTE);
		return (kept != null) ? Boolean.TRUE.equals(kept)
				: this.recorded.isKept(request, response.getStatus(), recording.getQueryCount());
	}

	private final class FinishOnCompletion implements AsyncListener {

		private final Recording recording;

		FinishOnCompletion(Recording recording) {
			this.recording = recording;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			HttpServletRequest request = (HttpServletRequest) event.getAsyncContext().getRequest();
			HttpServletResponse response = (HttpServletResponse) event.getAsyncContext().getResponse();
			if (this.recording.finish(response.getStatus(), pattern(request))
					&& RecordingFilter.this.recorded.isKept(request, this.recording)) {
				RecordingFilter.this.collector.collect(this.recording);
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
