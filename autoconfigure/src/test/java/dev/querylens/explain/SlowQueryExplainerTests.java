package dev.querylens.explain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.analysis.SlowQueryDetector;
import dev.querylens.analysis.SqlFingerprintCache;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SlowQueryExplainer} on H2, with an executor the test runs by hand:
 * nothing waits or sleeps.
 */
class SlowQueryExplainerTests {

	private final Tasks tasks = new Tasks();

	private final QueryPlans plans = new QueryPlans(2);

	private DataSource dataSource;

	@BeforeEach
	void setUp() throws Exception {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:slow-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		this.dataSource = h2;
		try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table product (id int primary key, title varchar(50))");
		}
	}

	@Test
	void aSlowSelectIsExplainedOnTheExecutorAndItsPlanIsReadFromTheCache() {
		SlowQueryExplainer explainer = explainer(this.tasks);
		AnalyzedRecording recording = slow("select p.id from product p where p.title = ?");
		explainer.explainSlowQueries(recording);
		String fingerprint = slowFingerprint(recording);
		assertThat(this.tasks.size()).isOne();
		assertThat(this.plans.find(fingerprint)).isEmpty();
		this.tasks.runAll();
		assertThat(this.plans.find(fingerprint)).hasValueSatisfying((plan) -> {
			assertThat(plan.scannedTable()).isEqualTo("product");
			assertThat(plan.column()).isEqualTo("title");
		});
		assertThat(this.plans.whenExplained(fingerprint)).isCompleted();
		// Once per fingerprint: a later recording of the same statement finds the plan
		// and starts nothing.
		explainer.explainSlowQueries(slow("select p.id from product p where p.title = ?"));
		assertThat(this.tasks.size()).isZero();
	}

	@Test
	void aSlowStatementThatIsNoSingleSelectIsNeverRun() throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("insert into product values (1, 'one')");
		}
		SlowQueryExplainer explainer = explainer(this.tasks);
		AnalyzedRecording recording = slow("select 1 as x$y$; delete from product; commit -- $y$");
		explainer.explainSlowQueries(recording);
		this.tasks.runAll();
		assertThat(this.plans.find(slowFingerprint(recording))).isEmpty();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select count(*) from product")) {
			result.next();
			assertThat(result.getInt(1)).isOne();
		}
	}

	@Test
	void aFullExecutorDropsTheWorkSoALaterRecordingTriesAgain() {
		SlowQueryExplainer busy = explainer((task) -> {
			throw new RejectedExecutionException("full");
		});
		AnalyzedRecording recording = slow("select p.id from product p where p.title = ?");
		busy.explainSlowQueries(recording);
		assertThat(this.plans.size()).isZero();
		explainer(this.tasks).explainSlowQueries(recording);
		assertThat(this.tasks.size()).isOne();
	}

	@Test
	void theCacheKeepsABoundedNumberOfPlans() {
		SlowQueryExplainer explainer = explainer(this.tasks);
		for (String column : List.of("id", "title", "id + 1")) {
			explainer.explainSlowQueries(slow("select " + column + " from product p where p.title = ?"));
		}
		this.tasks.runAll();
		assertThat(this.plans.size()).isEqualTo(2);
	}

	private SlowQueryExplainer explainer(Executor executor) {
		DataSource raw = this.dataSource;
		return new SlowQueryExplainer(new QueryExplainer((name) -> name.equals("dataSource") ? raw : null), this.plans,
				executor);
	}

	private static String slowFingerprint(AnalyzedRecording recording) {
		return recording.findings()
			.stream()
			.filter((finding) -> finding.type() == FindingType.SLOW_QUERY)
			.findFirst()
			.orElseThrow()
			.fingerprint();
	}

	private static AnalyzedRecording slow(String sql) {
		Recording.Started started = Recording.start(Kind.TEST, null, "slow", null, 10);
		started.record(sql, List.of("Product 7"), 1, 0, System.nanoTime(), 900_000_000L, 1, "dataSource",
				new CallSite("com.example.Shop", "report", "Shop.java", 12), null);
		Recording recording = started.finish(200, null);
		return new RecordingAnalyzer(List.of(new SlowQueryDetector(Duration.ofMillis(500))), new SqlFingerprintCache())
			.analyze(recording);
	}

	/**
	 * An executor whose tasks run when the test says.
	 */
	static final class Tasks implements Executor {

		private final Queue<Runnable> queued = new ArrayDeque<>();

		@Override
		public void execute(Runnable task) {
			this.queued.add(task);
		}

		int size() {
			return this.queued.size();
		}

		void runAll() {
			Runnable task;
			while ((task = this.queued.poll()) != null) {
				task.run();
			}
		}

	}

}
