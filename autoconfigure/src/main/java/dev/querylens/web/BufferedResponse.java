package dev.querylens.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the body, when a decorator asks for it, until the request ends, the
 * application flushes, or the body outgrows the buffer, so that headers computed from the
 * whole recording ({@code Server-Timing}) can still be set. The bytes written are the
 * application's, unchanged; a flush by the application ends the holding: what was held
 * reaches the client at once, as written, and the rest streams. One flush is not taken as
 * a request to stream: a writer's flush of an HTML page that is already complete (it
 * holds its {@code </body>}), which is how template engines end rendering. A body that is
 * not held is written to the container's own stream or writer whenever the decision can
 * be made when the application asks for them; nothing is copied.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

	private final int limit;

	private final Runnable beforeCommit;

	private final boolean holdFlushes;

	private final BooleanSupplier holds;

	private final boolean neverHolds;

	private boolean decided;

	// Made only for a body that is held: a response that streams copies nothing.
	private @Nullable HeldBytes buffer;

	// Decided before the first byte not to hold: the application writes to the
	// container's own stream or writer.
	private boolean streaming;

	private boolean committing;

	private boolean passThrough;

	private boolean draining;

	private BufferedOutputStream stream;

	private boolean streamTaken;

	private PrintWriter writer;

	/**
	 * Creates a buffered response.
	 * @param response the container's response
	 * @param limit bytes held at most before writing through
	 * @param beforeCommit run once, just before the first byte or the headers leave
	 */
	BufferedResponse(HttpServletResponse response, int limit, Runnable beforeCommit) {
		this(response, limit, beforeCommit, false);
	}

	/**
	 * Creates a buffered response.
	 * @param response the container's response
	 * @param limit bytes held at most before writing through
	 * @param beforeCommit run once, just before the first byte or the headers leave
	 * @param holdFlushes whether the application's flushes are held too (up to the
	 * limit), so that the whole response can still be replaced when the request ends
	 */
	BufferedResponse(HttpServletResponse response, int limit, Runnable beforeCommit, boolean holdFlushes) {
		this(response, limit, beforeCommit, holdFlushes, () -> true);
	}

	/**
	 * Creates a response that holds its body only when asked to, at the first byte.
	 * @param response the container's response
	 * @param limit bytes held at most before writing through
	 * @param beforeCommit run once, just before the first byte or the headers leave
	 * @param holdFlushes whether the application's flushes are held too (up to the
	 * limit), so that the whole response can still be replaced when the request ends
	 * @param holds asked once, at the first byte, when the content type is known: whether
	 * to hold the body at all; when not, the headers are set and every byte goes straight
	 * to the client
	 */
	BufferedResponse(HttpServletResponse response, int limit, Runnable beforeCommit, boolean holdFlushes,
			BooleanSupplier holds) {
		this(response, limit, beforeCommit, holdFlushes, holds, false);
	}

	private BufferedResponse(HttpServletResponse response, int limit, Runnable beforeCommit, boolean holdFlushes,
			BooleanSupplier holds, boolean neverHolds) {
		super(response);
		this.limit = limit;
		this.beforeCommit = beforeCommit;
		this.holdFlushes = holdFlushes;
		this.holds = holds;
		this.neverHolds = neverHolds;
	}

	/**
	 * Creates a response that holds no body, whatever its type: the application gets the
	 * container's own stream and writer, and the headers are set when it asks for one of
	 * them or the response commits without a body.
	 * @param response the container's response
	 * @param beforeCommit run once, just before the first byte or the headers leave
	 * @return the response
	 */
	static BufferedResponse streaming(HttpServletResponse response, Runnable beforeCommit) {
		return new BufferedResponse(response, 0, beforeCommit, false, () -> false, true);
	}

	// At the first byte: a body nobody will rewrite or replace goes straight out, never
	// copied.
	private void decide() throws IOException {
		if (!this.decided) {
			this.decided = true;
			if (!this.holds.getAsBoolean()) {
				commit();
			}
		}
	}

	// When the stream or the writer is asked for and the content type is already set (as
	// Spring MVC's views and message converters set it), or nothing is ever held, the
	// decision cannot change by the first byte: a body that is not held then gets the
	// container's own stream or writer, with no copy and no encoder of ours in between.
	// The headers are set at that moment.
	private boolean streamsFromTheStart() {
		if (!this.decided && (this.neverHolds || getContentType() != null)) {
			this.decided = true;
			if (!this.holds.getAsBoolean()) {
				runBeforeCommit();
				this.passThrough = true;
				this.streaming = true;
			}
		}
		return this.streaming;
	}

	/**
	 * Finds the buffered response a response is or wraps.
	 * @param response the response
	 * @return the buffered response, or {@code null}
	 */
	static BufferedResponse find(ServletResponse response) {
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			if (current instanceof BufferedResponse buffered) {
				return buffered;
			}
			current = wrapper.getResponse();
		}
		return null;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.writer != null) {
			throw new IllegalStateException("getWriter() has already been called for this response");
		}
		this.streamTaken = true;
		if (!streamsFromTheStart()) {
			return stream();
		}
		return getResponse().getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.streamTaken) {
			throw new IllegalStateException("getOutputStream() has already been called for this response");
		}
		if (this.writer == null && streamsFromTheStart()) {
			this.writer = getResponse().getWriter();
		}
		if (this.writer == null) {
			// Like the container, fix the encoding when the writer is obtained.
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			this.writer = new PrintWriter(new OutputStreamWriter(new WriterSink(), charset));
		}
		return this.writer;
	}

	private BufferedOutputStream stream() {
		if (this.stream == null) {
			this.stream = new BufferedOutputStream();
		}
		return this.stream;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.holdFlushes && !this.passThrough) {
			flushWriterQuietly();
			return;
		}
		flushWriter();
		commit();
		super.flushBuffer();
	}

	@Override
	public void sendError(int sc) throws IOException {
		discard();
		runBeforeCommit();
		super.sendError(sc);
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		discard();
		runBeforeCommit();
		super.sendError(sc, msg);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		discard();
		runBeforeCommit();
		super.sendRedirect(location);
	}

	@Override
	public void resetBuffer() {
		discard();
		super.resetBuffer();
	}

	@Override
	public void reset() {
		discard();
		super.reset();
	}

	// Once the held body is let go, the application can no longer change the headers;
	// a body streamed from the start is the container's to judge.
	@Override
	public boolean isCommitted() {
		return (this.passThrough && !this.streaming) || super.isCommitted();
	}

	/**
	 * Writes out what is held. Called once the request is done.
	 * @throws IOException when the client went away
	 */
	void finish() throws IOException {
		if (this.streaming) {
			// The container ends the response once the request returns.
			return;
		}
		flushWriter();
		commit();
	}

	/**
	 * Writes out what is held, first letting a rewriter change the body if the
	 * application wrote all of it into the buffer (nothing flushed, streamed or committed
	 * yet). Called once the request is done.
	 * @param rewriter changes the complete body, or {@code null}
	 * @throws IOException when the client went away
	 */
	void finish(BodyRewriter rewriter) throws IOException {
		rewrite(rewriter);
		finish();
	}

	/**
	 * Lets a rewriter change the body if the application wrote all of it into the buffer
	 * (nothing flushed, streamed or committed yet).
	 * @param rewriter changes the complete body, or {@code null}
	 */
	void rewrite(BodyRewriter rewriter) {
		if (rewriter != null && !this.passThrough && !getResponse().isCommitted()) {
			flushWriterQuietly();
			HeldBytes held = held();
			byte[] rewritten = rewriter.rewrite((HttpServletResponse) getResponse(), held.toByteArray());
			if (rewritten != null) {
				held.reset();
				held.write(rewritten, 0, rewritten.length);
			}
		}
	}

	/**
	 * Writes out what is held, if anything was written: used when the request goes async
	 * and may write later.
	 * @throws IOException when the client went away
	 */
	void finishIfWritten() throws IOException {
		flushWriterQuietly();
		if (this.buffer != null && this.buffer.size() > 0) {
			commit();
		}
	}

	private void flushWriterQuietly() {
		if (this.writer != null && !this.passThrough) {
			// Only move the writer's characters into the buffer: a flush from here must
			// not commit.
			this.draining = true;
			try {
				this.writer.flush();
			}
			finally {
				this.draining = false;
			}
		}
	}

	private void flushWriter() {
		if (this.writer != null) {
			this.writer.flush();
		}
	}

	private void discard() {
		if (!this.passThrough && this.buffer != null) {
			this.buffer.reset();
		}
	}

	private HeldBytes held() {
		if (this.buffer == null) {
			this.buffer = new HeldBytes();
		}
		return this.buffer;
	}

	private void commit() throws IOException {
		if (this.passThrough) {
			return;
		}
		runBeforeCommit();
		this.passThrough = true;
		if (this.buffer != null && this.buffer.size() > 0) {
			ServletOutputStream target = getResponse().getOutputStream();
			this.buffer.writeTo(target);
			this.buffer.reset();
		}
	}

	private void runBeforeCommit() {
		if (!this.committing) {
			this.committing = true;
			this.beforeCommit.run();
		}
	}

	/**
	 * Changes a complete response body before it is written.
	 */
	@FunctionalInterface
	interface BodyRewriter {

		/**
		 * Rewrites a body.
		 * @param response the response, headers not yet sent
		 * @param body the body as the application wrote it
		 * @return the new body, or {@code null} to leave it untouched
		 */
		byte[] rewrite(HttpServletResponse response, byte[] body);

	}

	/**
	 * Whether the held bytes are a complete HTML page: written in an ASCII-compatible
	 * encoding, they hold a {@code </body}.
	 */
	private boolean holdsCompletePage() {
		String contentType = getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
				&& this.buffer != null
				&& ToolbarInjector.lastIndexOfBodyEnd(this.buffer.bytes(), this.buffer.size()) >= 0;
	}

	/**
	 * The held bytes, readable without a copy.
	 */
	private static final class HeldBytes extends ByteArrayOutputStream {

		HeldBytes() {
			super(1024);
		}

		byte[] bytes() {
			return this.buf;
		}

	}

	/**
	 * Where the writer's bytes go. Template engines flush their writer once they have
	 * rendered a page (Thymeleaf and FreeMarker do): when the held HTML is complete, that
	 * flush is the end of the page, not a request to stream it, so the page stays held
	 * until the request ends and the badge can go in. Any other flush (a page flushed
	 * part way, so the browser can start while the application works on) goes out at
	 * once, like a flush of the byte stream or {@code flushBuffer()}.
	 */
	private final class WriterSink extends OutputStream {

		@Override
		public void write(int b) throws IOException {
			stream().write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			stream().write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			if (BufferedResponse.this.passThrough || !holdsCompletePage()) {
				stream().flush();
			}
		}

		@Override
		public void close() throws IOException {
			stream().close();
		}

	}

	private final class BufferedOutputStream extends ServletOutputStream {

		@Override
		public void write(int b) throws IOException {
			decide();
			if (BufferedResponse.this.passThrough) {
				getResponse().getOutputStream().write(b);
				return;
			}
			held().write(b);
			overflowIfFull();
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			decide();
			if (BufferedResponse.this.passThrough) {
				getResponse().getOutputStream().write(bytes, offset, length);
				return;
			}
			held().write(bytes, offset, length);
			overflowIfFull();
		}

		@Override
		public void flush() throws IOException {
			if (BufferedResponse.this.draining || isHolding()) {
				return;
			}
			commit();
			getResponse().getOutputStream().flush();
		}

		@Override
		public void close() throws IOException {
			if (isHolding()) {
				return;
			}
			commit();
			getResponse().getOutputStream().close();
		}

		@Override
		public boolean isReady() {
			return BufferedResponse.this.passThrough ? getOutputStreamQuietly().isReady() : true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			getOutputStreamQuietly().setWriteListener(listener);
		}

		private boolean isHolding() {
			return BufferedResponse.this.holdFlushes && !BufferedResponse.this.passThrough;
		}

		private ServletOutputStream getOutputStreamQuietly() {
			try {
				return getResponse().getOutputStream();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void overflowIfFull() throws IOException {
			if (held().size() >= BufferedResponse.this.limit) {
				commit();
			}
		}

	}

}
