package dev.querylens.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.DefaultServletHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.querylens.capture.Recording;

/**
 * Which requests the {@link RecordingFilter} records, and which of their recordings it
 * keeps. Paths are judged within the application: after the context path, with the
 * servlet path.
 * <ul>
 * <li>Not recorded at all: QueryLens's own paths, the actuator endpoints this server
 * serves, and the paths that match {@code querylens.record.exclude-patterns}.</li>
 * <li>Recorded but not kept: a request that ran no statement and was served by a static
 * resource handler or ended 404 (style sheets, scripts, images, {@code /favicon.ico}),
 * which would otherwise fill the history with nothing to look at.</li>
 * </ul>
 */
public final class RecordedRequests {

	private final List<String> excludedPaths;

	private final Supplier<List<String>> endpointPaths;

	private final List<PathPattern> excludePatterns;

	/**
	 * Creates the rule.
	 * @param excludedPaths path prefixes never recorded (QueryLens's own)
	 * @param endpointPaths the paths of the actuator endpoints this server serves, each
	 * with what lies under it; asked once, at the first request, when the endpoints are
	 * known
	 * @param excludePatterns path patterns ({@code /static/**},
	 * {@code /**}{@code /*.css}) never recorded
	 * @throws IllegalArgumentException naming {@code querylens.record.exclude-patterns}
	 * when a pattern is invalid
	 */
	public RecordedRequests(List<String> excludedPaths, Supplier<? extends Collection<String>> endpointPaths,
			List<String> excludePatterns) {
		this.excludedPaths = List.copyOf(excludedPaths);
		this.endpointPaths = SingletonSupplier.of(() -> List.copyOf(endpointPaths.get()));
		this.excludePatterns = parse(excludePatterns);
	}

	private static List<PathPattern> parse(List<String> patterns) {
		List<PathPattern> parsed = new ArrayList<>(patterns.size());
		for (int i = 0; i < patterns.size(); i++) {
			String pattern = patterns.get(i);
			try {
				parsed.add(PathPatternParser.defaultInstance.parse(pattern));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("querylens.record.exclude-patterns[" + i + "] '" + pattern
						+ "' is not a path pattern (e.g. /static/**, /**/*.css): " + ex.getMessage(), ex);
			}
		}
		return List.copyOf(parsed);
	}

	/**
	 * Whether a request is recorded at all.
	 * @param request the request
	 * @return whether it is recorded
	 */
	public boolean isRecorded(HttpServletRequest request) {
		String path = pathWithinApplication(request);
		if (isUnder(path, this.excludedPaths) || isUnder(path, this.endpointPaths.get())) {
			return false;
		}
		if (!this.excludePatterns.isEmpty()) {
			PathContainer container = PathContainer.parsePath(path);
			for (PathPattern pattern : this.excludePatterns) {
				if (pattern.matches(container)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Whether a finished request's recording is kept.
	 * @param request the request, after the application handled it
	 * @param recording its recording, finished
	 * @return whether it goes to the store
	 */
	public boolean isKept(HttpServletRequest request, Recording recording) {
		return isKept(request, recording.getStatus(), recording.getQueryCount());
	}

	/**
	 * Whether a request's recording is kept, judged on its response's status and the
	 * statements it ran.
	 * @param request the request, after the application chose its handler
	 * @param status the response's status
	 * @param queryCount how many statements the request ran
	 * @return whether it goes to the store
	 */
	public boolean isKept(HttpServletRequest request, int status, int queryCount) {
		if (queryCount > 0) {
			return true;
		}
		if (status == HttpServletResponse.SC_NOT_FOUND) {
			return false;
		}
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		return !(handler instanceof ResourceHttpRequestHandler || handler instanceof DefaultServletHttpRequestHandler);
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.isEmpty() ? "/" : path;
	}

	private static boolean isUnder(String path, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (prefix.isEmpty() || prefix.equals("/")) {
				// Under "/" lies every path: never a reason to leave a request out.
				continue;
			}
			if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
				return true;
			}
		}
		return false;
	}

}
