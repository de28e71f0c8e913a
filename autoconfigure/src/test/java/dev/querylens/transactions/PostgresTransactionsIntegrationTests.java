package dev.querylens.transactions;

import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link TransactionsIntegrationTests} on PostgreSQL.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
		"spring.datasource.username=postgres", "spring.datasource.password=", "txn.sleep-function=",
		"txn.sleep-sql=select 1 from (select pg_sleep(0.4)) s" })
@TestDatabase("postgres")
class PostgresTransactionsIntegrationTests extends TransactionsIntegrationTests {

}
