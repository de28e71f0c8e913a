package dev.querylens.demo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.querylens.it.TestDatabase;

/**
 * The order pages on H2 in memory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestDatabase("h2")
class H2OrderPagesIntegrationTests extends OrderPagesIntegrationTests {

}
