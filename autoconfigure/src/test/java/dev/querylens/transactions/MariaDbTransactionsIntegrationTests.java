package dev.querylens.transactions;

import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link TransactionsIntegrationTests} on MariaDB.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test",
		"spring.datasource.username=root", "spring.datasource.password=", "txn.sleep-function=" })
@TestDatabase("mariadb")
class MariaDbTransactionsIntegrationTests extends TransactionsIntegrationTests {

}
