package dev.querylens.listeners;

import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link KafkaListenerRecordingIntegrationTests} on PostgreSQL.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
		"spring.datasource.username=postgres", "spring.datasource.password=",
		"spring.datasource.hikari.maximum-pool-size=2" })
@TestDatabase("postgres")
class PostgresKafkaListenerRecordingIntegrationTests extends KafkaListenerRecordingIntegrationTests {

}
