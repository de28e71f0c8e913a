package dev.querylens.test;

import java.util.List;
import java.util.function.Supplier;

import org.assertj.core.api.AbstractAssert;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;

/**
 * AssertJ assertions on a recording:
 * {@code assertThat(QueryLens.record(() -> service.listOrders()))
 * .hasQueryCount(2).hasNoFinding(N_PLUS_ONE)}. Failure messages list the statements and
 * the findings with their call sites, as {@link QueryLensAssertions}' do. Needs AssertJ
 * on the classpath.
 */
public final class RecordingAssert extends AbstractAssert<RecordingAssert, AnalyzedRecording> {

	private RecordingAssert(AnalyzedRecording actual) {
		super(actual, RecordingAssert.class);
	}

	/**
	 * Starts assertions on a recording.
	 * @param recording the analysed recording
	 * @return the assertions
	 */
	public static RecordingAssert assertThat(AnalyzedRecording recording) {
		return new RecordingAssert(recording);
	}

	/**
	 * Verifies the exact number of statements (a JDBC batch counts once).
	 * @param expected the number
	 * @return this
	 */
	public RecordingAssert hasQueryCount(int expected) {
		return check(() -> QueryLensAssertions.checkQueryCount(this.actual, expected));
	}

	/**
	 * Verifies the exact number of statements of one type.
	 * @param type the type, read from each statement's fingerprint
	 * @param expected the number
	 * @return this
	 */
	public RecordingAssert hasQueryCount(StatementType type, int expected) {
		return check(() -> QueryLensAssertions.checkQueryCount(this.actual, type, expected));
	}

	/**
	 * Verifies the exact number of SELECT statements ({@code WITH … SELECT} included).
	 * @param expected the number
	 * @return this
	 */
	public RecordingAssert hasSelectCount(int expected) {
		return hasQueryCount(StatementType.SELECT, expected);
	}

	/**
	 * Verifies the exact number of INSERT statements.
	 * @param expected the number
	 * @return this
	 */
	public RecordingAssert hasInsertCount(int expected) {
		return hasQueryCount(StatementType.INSERT, expected);
	}

	/**
	 * Verifies the exact number of UPDATE statements.
	 * @param expected the number
	 * @return this
	 */
	public RecordingAssert hasUpdateCount(int expected) {
		return hasQueryCount(StatementType.UPDATE, expected);
	}

	/**
	 * Verifies the exact number of DELETE statements.
	 * @param expected the number
	 * @return this
	 */
	public RecordingAssert hasDeleteCount(int expected) {
		return hasQueryCount(StatementType.DELETE, expected);
	}

	/**
	 * Verifies that at most this many statements ran.
	 * @param max the most allowed
	 * @return this
	 */
	public RecordingAssert hasAtMostQueries(int max) {
		return check(() -> QueryLensAssertions.checkAtMostQueries(this.actual, null, max));
	}

	/**
	 * Verifies that the recording has no active finding.
	 * @return this
	 */
	public RecordingAssert hasNoFindings() {
		return check(() -> QueryLensAssertions.checkNoFinding(this.actual, List.of()));
	}

	/**
	 * Verifies that the recording has no active finding of these types.
	 * @param types the types
	 * @return this
	 */
	public RecordingAssert hasNoFinding(FindingType... types) {
		return check(() -> QueryLensAssertions.checkNoFinding(this.actual, List.of(types)));
	}

	/**
	 * Verifies that the recording has an active finding of this type.
	 * @param type the type
	 * @return this
	 */
	public RecordingAssert hasFinding(FindingType type) {
		return check(() -> QueryLensAssertions.checkFinding(this.actual, type));
	}

	private RecordingAssert check(Supplier<String> check) {
		isNotNull();
		String message = check.get();
		if (message != null) {
			// Through "%s", since SQL may hold a '%' that a format string would read.
			failWithMessage("%s", message);
		}
		return this;
	}

}
