package dev.querylens.precision;

import com.example.corpus.CorpusApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link PrecisionCorpusTests} on MariaDB.
 */
@SpringBootTest(classes = CorpusApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test",
		"spring.datasource.username=root", "spring.datasource.password=", "corpus.slow-sql=select sleep(3)" })
@TestDatabase("mariadb")
class MariaDbPrecisionCorpusTests extends PrecisionCorpusTests {

}
