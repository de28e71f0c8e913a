package dev.querylens.listeners;

import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link KafkaListenerRecordingIntegrationTests} on MariaDB.
 */
@TestPropertySource(
		properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test", "spring.datasource.username=root",
				"spring.datasource.password=", "spring.datasource.hikari.maximum-pool-size=2" })
@TestDatabase("mariadb")
class MariaDbKafkaListenerRecordingIntegrationTests extends KafkaListenerRecordingIntegrationTests {

}
