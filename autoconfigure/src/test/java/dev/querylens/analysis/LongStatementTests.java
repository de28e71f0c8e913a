package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTextLimit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for statements longer than a recording keeps ({@link SqlTextLimit}): cut where
 * they enter the recording, analysed by the fingerprint of their whole text.
 */
class LongStatementTests {

	private static final SqlTextLimit LIMIT = new SqlTextLimit(100, SqlFingerprint::of);

	@Test
	void aLongStatementKeepsItsBeginningItsLengthAndTheFingerprintOfItsWholeText() {
		String sql = "select * from orders where id in (" + values(2000) + ") and status = 'OPEN'";
		QueryEvent event = recordOne(LIMIT, sql);
		assertThat(event.sql()).isEqualTo(sql.substring(0, 100));
		assertThat(event.sqlLength()).isEqualTo(sql.length());
		assertThat(event.sqlTruncated()).isTrue();
		AnalyzedQuery cut = analyze(LIMIT, sql).get(0);
		AnalyzedQuery whole = analyze(SqlTextLimit.none(), sql).get(0);
		assertThat(cut.fingerprint()).isEqualTo(whole.fingerprint())
			.isEqualTo("select * from orders where id in (?) and status = ?");
	}

	@Test
	void aStatementWithinTheLimitIsKeptWhole() {
		String sql = "select * from orders where id = ?";
		QueryEvent event = recordOne(LIMIT, sql);
		assertThat(event.sql()).isSameAs(sql);
		assertThat(event.sqlTruncated()).isFalse();
		assertThat(event.fullFingerprint()).isNull();
		assertThat(event.sqlLength()).isEqualTo(sql.length());
	}

	@Test
	void longStatementsThatBeginAlikeAreNeitherDuplicatesNorOneShape() {
		String prefix = "select " + "a, ".repeat(50);
		List<AnalyzedQuery> queries = analyze(LIMIT, prefix + "b from t", prefix + "c from t", prefix + "b from t");
		assertThat(queries).extracting(AnalyzedQuery::duplicateOf).containsExactly(null, null, 0);
		assertThat(queries).extracting(AnalyzedQuery::similarGroup).containsExactly(0, 1, 0);
	}

	@Test
	void aFingerprintLongerThanTheLimitIsCutAndEndsWithTheHashOfItsWholeText() {
		String columns = "a, ".repeat(100);
		AnalyzedQuery first = analyze(LIMIT, "select " + columns + "b from t").get(0);
		AnalyzedQuery second = analyze(LIMIT, "select " + columns + "c from t").get(0);
		assertThat(first.fingerprint()).startsWith("select a, a,").hasSizeLessThan(120);
		assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
	}

	@Test
	void aSurrogatePairIsNotSplit() {
		String sql = "x".repeat(99) + "\uD83D\uDE00" + "y".repeat(10);
		QueryEvent event = recordOne(LIMIT, sql);
		assertThat(event.sql()).hasSize(99);
		assertThat(event.sqlTruncated()).isTrue();
	}

	@Test
	void aFinishedRecordingHoldsNoStatementWhole() {
		String sql = "select " + "a, ".repeat(100) + "b from t";
		Recording.Started started = Recording.start(Kind.TEST, null, "long", null, 1, LIMIT);
		started.wantsCallSite(sql);
		started.record(sql, List.of(), 1, 0, 0, 1, 1, "dataSource", null, null);
		started.record(sql, List.of(), 1, 0, 0, 1, 1, "dataSource", null, null);
		Recording recording = started.finish(200, null);
		assertThat(recording.getQueries()).extracting(QueryEvent::sql).allMatch((kept) -> kept.length() <= 100);
		assertThat(recording.getOverflow()).singleElement().satisfies((tally) -> assertThat(tally.sql()).hasSize(100));
	}

	private static QueryEvent recordOne(SqlTextLimit limit, String sql) {
		Recording.Started started = Recording.start(Kind.TEST, null, "long", null, 10, limit);
		started.record(sql, List.of(), 1, 0, 0, 1, 1, "dataSource", null, null);
		Recording recording = started.finish(200, null);
		return recording.getQueries().get(0);
	}

	private static List<AnalyzedQuery> analyze(SqlTextLimit limit, String... statements) {
		Recording.Started started = Recording.start(Kind.TEST, null, "long", null, 10, limit);
		for (String sql : statements) {
			started.record(sql, List.of(), 1, 0, 0, 1, 1, "dataSource", null, null);
		}
		Recording recording = started.finish(200, null);
		return QueryGroups.of(recording, new SqlFingerprintCache()).getQueries();
	}

	private static String values(int count) {
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < count; i++) {
			values.append((i > 0) ? ", " : "").append(i);
		}
		return values.toString();
	}

}
