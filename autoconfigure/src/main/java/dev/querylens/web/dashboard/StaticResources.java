package dev.querylens.web.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The toolbar's ES modules and the styles of the toolbar and the dashboard, from
 * {@code querylens/static/} on the class path: read once, kept in memory, and served with
 * an ETag so that the browser revalidates them and an unchanged file costs a 304 and no
 * body. The files are part of the jar, so an ETag holds until the application restarts.
 */
final class StaticResources {

	private static final String SCRIPT = "text/javascript;charset=UTF-8";

	private static final String STYLE = "text/css;charset=UTF-8";

	// The toolbar is ES modules: toolbar.js imports the others, which the browser loads
	// as they are, no build step.
	private static final Map<String, String> TYPES = Map.of("toolbar.js", SCRIPT, "sql.js", SCRIPT, "panel.js", SCRIPT,
			"badge.js", SCRIPT, "requests.js", SCRIPT, "dashboard.js", SCRIPT, "toolbar.css", STYLE, "dashboard.css",
			STYLE);

	private final Map<String, Resource> resources;

	/**
	 * Reads the files.
	 * @param classLoader where they are
	 */
	StaticResources(ClassLoader classLoader) {
		Map<String, Resource> read = new LinkedHashMap<>();
		TYPES.forEach((name, type) -> {
			byte[] bytes = bytes(classLoader, name);
			if (bytes != null) {
				read.put(name, new Resource(bytes, type, etag(bytes)));
			}
		});
		this.resources = Map.copyOf(read);
	}

	/**
	 * Whether a file of this name is served.
	 * @param name the file's name, e.g. {@code toolbar.js}
	 * @return whether it is
	 */
	boolean contains(String name) {
		return this.resources.containsKey(name);
	}

	/**
	 * Answers a request for a file.
	 * @param request the request
	 * @param response the response
	 * @param name a name for which {@link #contains} holds
	 * @throws IOException when the response cannot be written
	 */
	void serve(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
		Resource resource = this.resources.get(name);
		if (resource == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("ETag", resource.etag());
		response.setHeader("X-Content-Type-Options", "nosniff");
		String match = request.getHeader("If-None-Match");
		if (match != null
				&& (match.trim().equals("*") || List.of(match.trim().split("\\s*,\\s*")).contains(resource.etag()))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(resource.type());
		response.setContentLength(resource.bytes().length);
		response.getOutputStream().write(resource.bytes());
	}

	private static byte @Nullable [] bytes(ClassLoader classLoader, String name) {
		try (InputStream in = classLoader.getResourceAsStream("querylens/static/" + name)) {
			return (in != null) ? in.readAllBytes() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Resource(byte[] bytes, String type, String etag) {
	}

}
