package dev.querylens.demo.lessons;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.querylens.it.TestDatabase;

/**
 * The lessons on H2 in memory.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestDatabase("h2")
class H2LessonsIntegrationTests extends LessonsIntegrationTests {

}
