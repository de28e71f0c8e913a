package dev.querylens.toolbar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends exactly the request line and headers it is given,
 * {@code Host} included, which {@code java.net.http} refuses to set.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request to the loopback address and reads the whole response.
	 * @param port the server's port
	 * @param method the method
	 * @param path the path with its query
	 * @param headers header lines ({@code Name: value}); a {@code Host} line replaces
	 * {@code Host: localhost:port}
	 * @return the response
	 * @throws IOException when the exchange fails
	 */
	static Exchange send(int port, String method, String path, String... headers) throws IOException {
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		boolean host = false;
		for (String header : headers) {
			host |= header.toLowerCase(Locale.ROOT).startsWith("host:");
			request.append(header).append("\r\n");
		}
		if (!host) {
			request.append("Host: localhost:").append(port).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return Exchange.parse(socket.getInputStream().readAllBytes());
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param headers the headers by lower-case name
	 * @param body the body, de-chunked, as UTF-8
	 */
	record Exchange(int status, Map<String, List<String>> headers, String body) {

		boolean hasHeader(String name) {
			return this.headers.containsKey(name.toLowerCase(Locale.ROOT));
		}

		static Exchange parse(byte[] bytes) throws IOException {
			int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
			if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
				body = dechunk(body);
			}
			return new Exchange(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			InputStream in = new ByteArrayInputStream(chunked);
			while (true) {
				StringBuilder size = new StringBuilder();
				int c;
				while ((c = in.read()) != '\n') {
					if (c < 0) {
						return body.toByteArray();
					}
					if (c != '\r') {
						size.append((char) c);
					}
				}
				int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
				if (length == 0) {
					return body.toByteArray();
				}
				body.write(in.readNBytes(length));
				in.readNBytes(2);
			}
		}

		private static int indexOf(byte[] bytes, byte[] part) {
			outer: for (int i = 0; i <= bytes.length - part.length; i++) {
				for (int j = 0; j < part.length; j++) {
					if (bytes[i + j] != part[j]) {
						continue outer;
					}
				}
				return i;
			}
			throw new IllegalStateException("No end of the response's headers");
		}

	}

}
