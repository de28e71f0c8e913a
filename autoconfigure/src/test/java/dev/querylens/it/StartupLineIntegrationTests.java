package dev.querylens.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up line of a real servlet application: the dashboard's full address, port and
 * context path included, and the data sources recorded; once, even with the actuator on a
 * port of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLineIntegrationTests {

	@Test
	void theStartupLineGivesTheDashboardsFullAddressAndTheDataSources(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainJdbcApplication.class)
			.properties("server.port=0", "server.servlet.context-path=/shop", "management.server.port=0",
					"spring.datasource.url=jdbc:h2:mem:startup-line;DB_CLOSE_DELAY=-1")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(output.getOut().lines().filter((line) -> line.contains("QueryLens records"))).singleElement()
				.satisfies((line) -> assertThat(line).contains("INFO")
					.endsWith("QueryLens records the queries of each HTTP request on data source 'dataSource'; "
							+ "dashboard at http://localhost:" + port + "/shop/querylens"));
		}
	}

	@Test
	void withTheToolbarOffTheStartupLineSaysThereIsNoDashboard(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainJdbcApplication.class)
			.properties("server.port=0", "querylens.toolbar.enabled=false",
					"spring.datasource.url=jdbc:h2:mem:startup-line-no-toolbar;DB_CLOSE_DELAY=-1")
			.run()) {
			assertThat(output.getOut()).contains("QueryLens records the queries of each HTTP request on data source "
					+ "'dataSource'; no dashboard (querylens.toolbar.enabled=false)");
		}
	}

}
