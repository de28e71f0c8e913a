package dev.querylens.transactions;

import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link TransactionsIntegrationTests} on MariaDB.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test",
		"spring.datasource.username=root", "spring.datasource.password=", "txn.sleep-function=",
		"txn.sleep-sql=select 1 from (select sleep(0.4)) s" })
@TestDatabase("mariadb")
class MariaDbTransactionsIntegrationTests extends TransactionsIntegrationTests {

}
