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
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:corpus;DB_CLOSE_DELAY=-1;"
				+ "INIT=CREATE ALIAS IF NOT EXISTS CRP_SLEEP FOR 'com.example.corpus.SlowFunctions.sleep'",
		"corpus.slow-sql=select crp_sleep(3000)" })
@TestDatabase("h2")
class H2PrecisionCorpusTests extends PrecisionCorpusTests {

}
