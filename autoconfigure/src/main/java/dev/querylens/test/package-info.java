/**
 * QueryLens in an application's own tests: {@link dev.querylens.test.QueryLens#record}
 * and the assertions on what it recorded ({@link dev.querylens.test.QueryLensAssertions}
 * always, {@link dev.querylens.test.RecordingAssert} with AssertJ), the JUnit 5
 * annotations ({@link dev.querylens.test.QueryLensTest},
 * {@link dev.querylens.test.ExpectQueries}, {@link dev.querylens.test.FailOnFindings})
 * with their baseline, and the check behind {@code querylens.n-plus-one.action=fail}.
 * JUnit and AssertJ are used only here, and only by the types that name them.
 */
@NullMarked
package dev.querylens.test;

import org.jspecify.annotations.NullMarked;
