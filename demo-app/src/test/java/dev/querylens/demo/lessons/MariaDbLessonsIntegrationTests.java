package dev.querylens.demo.lessons;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import dev.querylens.it.TestDatabase;

/**
 * The lessons on MariaDB.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mariadb")
@TestDatabase("mariadb")
class MariaDbLessonsIntegrationTests extends LessonsIntegrationTests {

}
