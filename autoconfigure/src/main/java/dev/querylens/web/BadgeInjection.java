package dev.querylens.web;

import java.util.Locale;

import dev.querylens.capture.Recording;

/**
 * Adds the badge to the HTML pages of the clients allowed to see it, through the
 * {@link ToolbarInjector}: it holds only an HTML body of an allowed client.
 */
final class BadgeInjection implements ResponseDecorator {

	private final ToolbarInjector injector;

	BadgeInjection(ToolbarInjector injector) {
		this.injector = injector;
	}

	@Override
	public boolean holdsBody(RecordedExchange exchange) {
		String contentType = exchange.response().getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
				&& this.injector.isShownTo(exchange.request());
	}

	@Override
	public void finish(RecordedExchange exchange, BufferedResponse body) {
		// A badge needs a recording to show: none for a static page that is not kept.
		Recording recording = exchange.recording();
		if (Boolean.TRUE.equals(exchange.kept()) && recording != null) {
			body.rewrite(this.injector.rewriterFor(exchange.request(), recording));
		}
	}

}
