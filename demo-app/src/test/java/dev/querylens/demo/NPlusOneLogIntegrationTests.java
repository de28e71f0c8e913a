package dev.querylens.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.it.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WARN line a request with an N+1 leaves in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestDatabase("h2")
class NPlusOneLogIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aRequestWithAnNPlusOneLogsOneWarningNamingItAndAFastOneLogsNone(CapturedOutput output) throws Exception {
		String slowId = get("/orders/slow").headers().firstValue("X-QueryLens-Id").orElseThrow();
		get("/orders/fast");
		String warnings = output.getOut()
			.lines()
			.filter((line) -> line.contains("N+1 queries in"))
			.reduce("", (a, b) -> a + b + "\n");
		assertThat(warnings.lines()).hasSize(1);
		assertThat(warnings).contains("WARN")
			.contains("GET /orders/slow [" + slowId + ", 11 queries]")
			.contains("10 × `" + OrderPagesIntegrationTests.CUSTOMER_BY_ID + "`")
			.contains("Order.customer")
			.contains("at dev.querylens.demo.shop.OrderRow.of(OrderRow.java:");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
