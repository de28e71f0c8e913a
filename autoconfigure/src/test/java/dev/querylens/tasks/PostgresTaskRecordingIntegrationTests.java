package dev.querylens.tasks;

import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link TaskRecordingIntegrationTests} on PostgreSQL.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
		"spring.datasource.username=postgres", "spring.datasource.password=" })
@TestDatabase("postgres")
class PostgresTaskRecordingIntegrationTests extends TaskRecordingIntegrationTests {

}
