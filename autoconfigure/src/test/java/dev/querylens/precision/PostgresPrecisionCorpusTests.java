package dev.querylens.precision;

import com.example.corpus.CorpusApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.it.TestDatabase;

/**
 * {@link PrecisionCorpusTests} on PostgreSQL.
 */
@SpringBootTest(classes = CorpusApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
		"spring.datasource.username=postgres", "spring.datasource.password=",
		"corpus.slow-sql=select 1 from (select pg_sleep(3)) s" })
@TestDatabase("postgres")
class PostgresPrecisionCorpusTests extends PrecisionCorpusTests {

}
