package dev.querylens.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.querylens.analysis.FindingType;

/**
 * Fails every test method whose statements have a finding of these types, as Bullet's
 * raise mode does: {@code @FailOnFindings(N_PLUS_ONE)}. With a {@link #baseline()}, only
 * findings that are not in the baseline file fail, so that known ones can be fixed over
 * time while new ones are stopped today; run the tests with
 * {@code -Dquerylens.baseline=write} to (re)write the file.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QueryLensExtension.class)
public @interface FailOnFindings {

	/**
	 * The finding types that fail a test; empty means every type.
	 * @return the types
	 */
	FindingType[] value() default {};

	/**
	 * Path of the baseline file (relative to the working directory, the module's
	 * directory under Maven), or empty for none.
	 * @return the path, such as {@code querylens-baseline.json}
	 */
	String baseline() default "";

}
