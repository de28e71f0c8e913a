package dev.querylens.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
 * Records the queries of each HTTP request: opens a recording when the request arrives,
 * binds it to the thread (and to the async dispatches that continue the request), and
 * finishes it in {@code finally}, setting the {@code X-QueryLens-Id} and
 * {@code Server-Timing} headers for the clients allowed to see them, the id only for a
 * recording that is kept. The recording is analysed and stored before a held-back
 * response leaves, so that a {@link ResponseVeto} can still replace it and the badge can
 * show it. What happens to the response is a list of {@link ResponseDecorator}s (timing
 * headers, veto, badge), each in its own guard: one that throws leaves the response as
 * the application wrote it. A body is held back only when a decorator needs it (an
 * allowed client's HTML page for the badge; a body of declared length to a client that
 * gets the id, which the container completes at its last byte; every body under a veto):
 * every other response, JSON written as it is produced and the responses of refused
 * clients included, goes to the container's own stream or writer, never copied.
 */
public final class RecordingFilter extends OncePerRequestFilter {

	/** Name of the response header that carries the recording's id. */
	public static final String ID_HEADER = "X-QueryLens-Id";

	/** Request attribute holding the request's {@link Recording}. */
	public static final String RECORDING_ATTRIBUTE = RecordingFilter.class.getName() + ".recording";

	private static final String EXCHANGE_ATTRIBUTE = RecordingFilter.class.getName() + ".exchange";

	private static final Log logger = LogFactory.getLog(RecordingFilter.class);

	// Large enough for an ordinary page, so its Server-Timing counts the view's queries
	// too.
	private static final int BUFFER_LIMIT = 256 * 1024;

	private final RecordingCollector collector;

	private final int maxQueries;

	private final RecordedRequests recorded;

	private final TimingHeaders headers;

	private final @Nullable ToolbarInjector injector;

	private final List<ResponseDecorator> decorators;

	// Known from the decorators, so decided once rather than per request.
	private final boolean holdsFlushes;

	private final boolean mayHold;

	private SqlTextLimit sqlTextLimit = SqlTextLimit.none();

	/**
	 * Creates the filter with the toolbar's badge and a veto.
	 * @param collector where finished recordings go
	 * @param maxQueries how many queries each recording keeps in full
	 * @param recorded which requests are recorded, and which recordings kept
	 * @param injector adds the badge to the HTML pages of allowed clients, or
	 * {@code null}
	 * @param veto consulted before a response leaves, or {@code null}
	 * @param headersFor which requests' responses get the {@value #ID_HEADER} and
	 * {@code Server-Timing} headers
	 */
	public RecordingFilter(RecordingCollector collector, int maxQueries, RecordedRequests recorded,
			@Nullable ToolbarInjector injector, @Nullable ResponseVeto veto, Predicate<HttpServletRequest> headersFor) {
		this(collector, maxQueries, recorded, new TimingHeaders(headersFor, recorded), injector, veto, List.of());
	}

	// The veto comes before the badge: a replaced response gets none.
	RecordingFilter(RecordingCollector collector, int maxQueries, RecordedRequests recorded, TimingHeaders headers,
			@Nullable ToolbarInjector injector, @Nullable ResponseVeto veto, List<ResponseDecorator> more) {
		this.collector = collector;
		this.maxQueries = maxQueries;
		this.recorded = recorded;
		this.headers = headers;
		this.injector = injector;
		List<ResponseDecorator> decorators = new ArrayList<>();
		decorators.add(headers);
		if (veto != null) {
			decorators.add(new VetoedResponse(veto, headers));
		}
		if (injector != null) {
			decorators.add(new BadgeInjection(injector));
		}
		decorators.addAll(more);
		this.decorators = List.copyOf(decorators);
		this.holdsFlushes = this.decorators.stream().anyMatch(VetoedResponse.class::isInstance);
		// Without the toolbar or a veto (lean mode), no body is ever held: the timing
		// headers count the statements run until the response starts.
		this.mayHold = this.decorators.size() > 1;
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
		Recording.Started recording = (Recording.Started) request.getAttribute(RECORDING_ATTRIBUTE);
		if (recording == null) {
			recording = start(request);
			request.setAttribute(RECORDING_ATTRIBUTE, recording);
		}
		Recording.Started current = recording;
		// An async dispatch gets the response the request started async with: buffered
		// once already.
		BufferedResponse existing = BufferedResponse.find(response);
		// An async dispatch continues the exchange its request started with.
		RecordedExchange started = (RecordedExchange) request.getAttribute(EXCHANGE_ATTRIBUTE);
		RecordedExchange exchange = (existing != null && started != null) ? started
				: new RecordedExchange(request, response, current);
		request.setAttribute(EXCHANGE_ATTRIBUTE, exchange);
		BufferedResponse buffered = (existing != null) ? existing : buffered(response, exchange);
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
				finish(exchange, buffered, failed);
			}
		}
	}

	// Analysed and stored before the held-back body leaves: a veto can still replace the
	// response, and a client that
	// has the response (or the badge in it) can already look the recording up.
	private void finish(RecordedExchange exchange, BufferedResponse buffered, boolean failed)
			throws IOException, ServletException {
		HttpServletRequest request = exchange.request();
		Recording finished = exchange.started()
			.finish(failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : exchange.response().getStatus(),
					pattern(request));
		boolean kept = finished != null && this.recorded.isKept(request, finished);
		AnalyzedRecording analyzed = kept ? this.collector.collect(finished) : null;
		exchange.finished(finished, kept, analyzed);
		if (failed) {
			// The container's error page goes to the response itself, past the held-back
			// one.
			guard("set headers", () -> this.headers.identifyFailure(exchange));
			return;
		}
		for (ResponseDecorator decorator : this.decorators) {
			try {
				decorator.finish(exchange, buffered);
			}
			catch (RuntimeException ex) {
				logger.warn("QueryLens could not finish the response of " + request.getRequestURI()
						+ "; it goes out as the application wrote it", ex);
			}
		}
		buffered.finish();
	}

	private BufferedResponse buffered(HttpServletResponse response, RecordedExchange exchange) {
		Runnable beforeCommit = () -> each("set headers", (d) -> d.beforeCommit(exchange));
		if (!this.mayHold) {
			return BufferedResponse.streaming(response, beforeCommit);
		}
		return new BufferedResponse(response, BUFFER_LIMIT, beforeCommit, this.holdsFlushes, () -> holdsBody(exchange));
	}

	private boolean holdsBody(RecordedExchange exchange) {
		boolean holds = false;
		for (ResponseDecorator decorator : this.decorators) {
			try {
				holds |= decorator.holdsBody(exchange);
			}
			catch (RuntimeException ex) {
				logger.debug("QueryLens could not decide whether to hold a response", ex);
			}
		}
		return holds;
	}

	private void each(String what, Consumer<ResponseDecorator> action) {
		for (ResponseDecorator decorator : this.decorators) {
			guard(what, () -> action.accept(decorator));
		}
	}

	private static void guard(String what, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.debug("QueryLens could not " + what, ex);
		}
	}

	private Recording.Started start(HttpServletRequest request) {
		String path = request.getRequestURI();
		return Recording.start(Kind.HTTP, request.getMethod().toUpperCase(Locale.ROOT), path, request.getQueryString(),
				this.maxQueries, this.sqlTextLimit);
	}

	private static String pattern(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : null;
	}

	private final class FinishOnCompletion implements AsyncListener {

		private final Recording.Started recording;

		FinishOnCompletion(Recording.Started recording) {
			this.recording = recording;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			HttpServletRequest request = (HttpServletRequest) event.getAsyncContext().getRequest();
			HttpServletResponse response = (HttpServletResponse) event.getAsyncContext().getResponse();
			try {
				Recording finished = this.recording.finish(response.getStatus(), pattern(request));
				if (finished != null && RecordingFilter.this.recorded.isKept(request, finished)) {
					RecordingFilter.this.collector.collect(finished);
				}
			}
			catch (RuntimeException ex) {
				// The async hand-off runs in the container's completion: a failure here
				// would reach its log only.
				logger.warn("QueryLens could not store the recording of " + request.getRequestURI(), ex);
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
