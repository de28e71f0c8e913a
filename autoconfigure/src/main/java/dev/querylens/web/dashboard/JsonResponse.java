package dev.querylens.web.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A JSON answer of the dashboard, never cached and never sniffed as anything else.
 */
final class JsonResponse {

	private JsonResponse() {
	}

	/**
	 * Writes the value as the response's body.
	 * @param response the response
	 * @param status its status
	 * @param value what {@link JsonWriter} writes
	 * @throws IOException when the response cannot be written
	 */
	static void write(HttpServletResponse response, int status, Object value) throws IOException {
		byte[] body = JsonWriter.write(value).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
