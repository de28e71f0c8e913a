package dev.querylens.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records the statements of each test method (not of its {@code @BeforeEach} set-up) and
 * checks them against {@link ExpectQueries} and {@link FailOnFindings}. Composes with
 * {@code @SpringBootTest} and {@code @DataJpaTest}: in a Spring test the application's
 * analyzer is used, so findings name JPA associations. A test method may take a
 * {@link QueryRecorder} parameter to record blocks of its own with that analyzer.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QueryLensExtension.class)
public @interface QueryLensTest {

}
