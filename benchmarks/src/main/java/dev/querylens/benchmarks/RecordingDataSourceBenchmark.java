package dev.querylens.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.example.shop.OrderController;
import com.example.shop.OrderService;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.jdbc.RecordingDataSource;
import org.apache.catalina.bench.ServletContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.aop.bench.FrameworkChain;

/**
 * The JDBC hot path: the same three workloads on H2 in memory behind HikariCP, through
 * the raw pool and through a {@link RecordingDataSource} over that pool with a recording
 * bound.
 * <p>
 * Each operation is one JDBC statement (one query of a recording; the batch counts once).
 * The recorded variants start a fresh {@link Recording} every
 * {@value #STATEMENTS_PER_RECORDING} operations inside the benchmark method, so
 * recordings stay small and the cost of starting, binding and finishing them is included,
 * spread over the statements of that "request".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingDataSourceBenchmark {

	static final int STATEMENTS_PER_RECORDING = 20;

	private static final int ROWS = 1000;

	private static final int BATCH_SIZE = 100;

	private static final String[] NAMES = new String[BATCH_SIZE];

	static {
		for (int i = 0; i < BATCH_SIZE; i++) {
			NAMES[i] = "item " + i;
		}
	}

	/**
	 * {@code raw} for the bare pool, {@code unrecorded} for the recording data source
	 * with no recording bound (work outside a request), or the call-site mode of the
	 * recording data source.
	 */
	@Param({ "raw", "unrecorded", "NONE", "FIRST_APP_FRAME" })
	public String capture;

	private HikariDataSource pool;

	private DataSource dataSource;

	// The same pool, for statements run under a realistic stack whose application code is
	// com.example.shop.
	private DataSource deepDataSource;

	private final OrderController controller = new OrderController();

	private final OrderService service = new OrderService();

	private boolean recorded;

	private Recording.Started recording;

	private CurrentRecording.Scope scope;

	private int remaining;

	private long recordedQueries;

	private long nextId;

	@Setup(Level.Trial)
	public void createDatabase() throws SQLException {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:bench-" + this.capture + ";DB_CLOSE_DELAY=-1");
		config.setUsername("sa");
		config.setMaximumPoolSize(2);
		this.pool = new HikariDataSource(config);
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table item (id bigint primary key, name varchar(100), price int)");
			statement.execute("insert into item select x, 'item ' || x, x * 3 from system_range(1, " + ROWS + ")");
			statement.execute("create table batch_item (id bigint, name varchar(100))");
		}
		boolean wrapped = !"raw".equals(this.capture);
		this.recorded = wrapped && !"unrecorded".equals(this.capture);
		CallSiteMode callSites = this.recorded ? CallSiteMode.valueOf(this.capture) : CallSiteMode.NONE;
		this.dataSource = wrapped ? new RecordingDataSource(this.pool, "dataSource",
				new JdbcCaptureSettings(true, JdbcCaptureSettings.DEFAULT_MAX_PARAMETER_LENGTH,
						// Shaded into one jar with QueryLens, the benchmark is
						// application code only when named so.
						new CallSiteResolver(callSites, List.of("dev.querylens.benchmarks"), List.of(),
								CallSiteResolver.DEFAULT_MAX_CALL_PATH)))
				: this.pool;
		this.deepDataSource = wrapped ? new RecordingDataSource(this.pool, "dataSource",
				new JdbcCaptureSettings(true, JdbcCaptureSettings.DEFAULT_MAX_PARAMETER_LENGTH,
						new CallSiteResolver(callSites, List.of("com.example.shop"),
								List.of("dev.querylens.benchmarks.", "org.openjdk.jmh."),
								CallSiteResolver.DEFAULT_MAX_CALL_PATH)))
				: this.pool;
	}

	@TearDown(Level.Iteration)
	public void finishRecording() {
		if (this.scope != null) {
			this.scope.close();
			this.scope = null;
			this.recordedQueries += this.recording.getQueryCount();
			this.recording.finish(0, null);
		}
		this.remaining = 0;
	}

	@TearDown(Level.Trial)
	public void closePool() {
		this.pool.close();
		// A benchmark that silently recorded nothing would flatter QueryLens.
		if (this.recorded && this.recordedQueries == 0) {
			throw new IllegalStateException("Nothing was recorded");
		}
	}

	private void startRecordingWhenDue() {
		if (!this.recorded || this.remaining-- > 0) {
			return;
		}
		finishRecording();
		this.recording = Recording.start(Kind.HTTP, "GET", "/bench", null, 1000);
		this.scope = CurrentRecording.bind(this.recording);
		this.remaining = STATEMENTS_PER_RECORDING - 1;
	}

	private long nextId() {
		long id = this.nextId++ % ROWS;
		return id + 1;
	}

	/**
	 * Reads one row by primary key.
	 * @return the name read
	 * @throws SQLException never, on H2 in memory
	 */
	@Benchmark
	public String primaryKeyLookup() throws SQLException {
		startRecordingWhenDue();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select id, name, price from item where id = ?")) {
			statement.setLong(1, nextId());
			try (ResultSet resultSet = statement.executeQuery()) {
				resultSet.next();
				return resultSet.getString(2);
			}
		}
	}

	/**
	 * Reads one row by primary key at the top of the stack {@link CallSiteBenchmark}
	 * builds: {@value CallSiteBenchmark#ABOVE_SERVICE} framework frames above the
	 * service, which a controller called through
	 * {@value CallSiteBenchmark#ABOVE_CONTROLLER} more, below them
	 * {@value CallSiteBenchmark#BELOW_CONTROLLER} frames of servlet container: the
	 * per-statement cost of call sites as an application pays it.
	 * @return the name read
	 */
	@Benchmark
	public String primaryKeyLookupUnderAService() {
		startRecordingWhenDue();
		return ServletContainer.call(CallSiteBenchmark.BELOW_CONTROLLER,
				() -> this.controller
					.list(() -> FrameworkChain.call(CallSiteBenchmark.ABOVE_CONTROLLER, () -> this.service
						.orders(() -> FrameworkChain.call(CallSiteBenchmark.ABOVE_SERVICE, this::deepLookup)))));
	}

	private String deepLookup() {
		try (Connection connection = this.deepDataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select id, name, price from item where id = ?")) {
			statement.setLong(1, nextId());
			try (ResultSet resultSet = statement.executeQuery()) {
				resultSet.next();
				return resultSet.getString(2);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads 50 rows.
	 * @param blackhole takes the values read
	 * @throws SQLException never, on H2 in memory
	 */
	@Benchmark
	public void read50Rows(Blackhole blackhole) throws SQLException {
		startRecordingWhenDue();
		long first = this.nextId++ % (ROWS - 50) + 1;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select id, name, price from item where id between ? and ?")) {
			statement.setLong(1, first);
			statement.setLong(2, first + 49);
			try (ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					blackhole.consume(resultSet.getLong(1));
					blackhole.consume(resultSet.getString(2));
					blackhole.consume(resultSet.getInt(3));
				}
			}
		}
	}

	/**
	 * Inserts 100 rows in one batch, in a transaction that is rolled back so every
	 * invocation starts from the same table.
	 * @return the update counts
	 * @throws SQLException never, on H2 in memory
	 */
	@Benchmark
	public int[] batchOf100Inserts() throws SQLException {
		startRecordingWhenDue();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection
				.prepareStatement("insert into batch_item (id, name) values (?, ?)")) {
				for (int i = 0; i < BATCH_SIZE; i++) {
					statement.setLong(1, i);
					statement.setString(2, NAMES[i]);
					statement.addBatch();
				}
				return statement.executeBatch();
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

}
