package dev.querylens.precision;

import com.example.corpus.CorpusApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link PrecisionCorpusTests} on H2 in memory.
 */
@SpringBootTest(classes = CorpusApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:corpus;DB_CLOSE_DELAY=-1")
@TestDatabase("h2")
class H2PrecisionCorpusTests extends PrecisionCorpusTests {

}
