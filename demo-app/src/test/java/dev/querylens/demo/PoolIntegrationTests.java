package dev.querylens.demo;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.querylens.it.TestDatabase;
import dev.querylens.jdbc.RecordingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorded data source is still the pool: by its type, by {@code unwrap}, and for
 * Spring Boot's pool metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestDatabase("h2")
class PoolIntegrationTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MeterRegistry registry;

	@Test
	void theDataSourceIsRecordedAndStillAHikariPool() throws Exception {
		assertThat(this.dataSource).isInstanceOf(HikariDataSource.class);
		assertThat(this.dataSource.isWrapperFor(RecordingDataSource.class)).isTrue();
		HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
		assertThat(hikari.getHikariPoolMXBean()).isNotNull();
	}

	@Test
	void springBootsPoolMetricsStillSeeThePool() {
		assertThat(this.registry.find("hikaricp.connections.max").gauge()).isNotNull();
		assertThat(this.registry.find("jdbc.connections.max").tag("name", "dataSource").gauge()).isNotNull();
	}

}
