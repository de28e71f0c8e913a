package dev.querylens.demo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import dev.querylens.it.TestDatabase;

/**
 * The order pages on MariaDB.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mariadb")
@TestDatabase("mariadb")
class MariaDbOrderPagesIntegrationTests extends OrderPagesIntegrationTests {

}
