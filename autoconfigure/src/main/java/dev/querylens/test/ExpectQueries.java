package dev.querylens.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.querylens.analysis.StatementType;

/**
 * How many statements a test method may run, as QuickPerf's {@code @ExpectSelect} and
 * {@code @ExpectMaxQueryNumber}: {@code @ExpectQueries(max = 3)},
 * {@code @ExpectQueries(exactly = 1, type = SELECT)}. Repeat it for several types. On a
 * class, it applies to each of its test methods that has none of its own.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ExpectQueries.List.class)
@ExtendWith(QueryLensExtension.class)
public @interface ExpectQueries {

	/**
	 * The exact number of statements, or -1 for no exact number.
	 * @return the exact number
	 */
	int exactly() default -1;

	/**
	 * The most statements allowed, or -1 for no maximum.
	 * @return the maximum
	 */
	int max() default -1;

	/**
	 * The fewest statements expected, or -1 for no minimum.
	 * @return the minimum
	 */
	int min() default -1;

	/**
	 * The types of statement counted; empty counts every statement.
	 * @return the types
	 */
	StatementType[] type() default {};

	/**
	 * Holds repeated {@link ExpectQueries}.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@ExtendWith(QueryLensExtension.class)
	@interface List {

		/**
		 * The expectations.
		 * @return the expectations
		 */
		ExpectQueries[] value();

	}

}
