package dev.querylens.analysis;

import java.util.Objects;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.capture.RecordingAttribute;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

/**
 * Builds a recording statement by statement with every field a detector reads: rows,
 * batch size, time, connection, phase and the lazy loads Hibernate would report.
 */
final class Statements {

	static final CallSite SERVICE = new CallSite("com.example.ShopService", "run", "ShopService.java", 20);

	private final Recording.Started recording = Recording.start(Kind.TEST, null, "t", null, 1000);

	private long rows = 1;

	private int batchSize = 1;

	private long durationNanos = 1_000;

	private int connectionId = 1;

	private String error;

	private long bytesRead;

	private String widestColumn;

	private CallSite callSite = SERVICE;

	static Statements recording() {
		return new Statements();
	}

	Statements rows(long rows) {
		this.rows = rows;
		return this;
	}

	/**
	 * Reads rows of values of this size in all, the largest in the given column, as the
	 * result set reports them.
	 */
	Statements read(long rows, long bytesRead, String widestColumn) {
		this.rows = rows;
		this.bytesRead = bytesRead;
		this.widestColumn = widestColumn;
		return this;
	}

	Statements batchSize(int batchSize) {
		this.batchSize = batchSize;
		return this;
	}

	Statements took(Duration duration) {
		this.durationNanos = duration.toNanos();
		return this;
	}

	Statements connection(int connectionId) {
		this.connectionId = connectionId;
		return this;
	}

	Statements failing(String error) {
		this.error = error;
		return this;
	}

	/**
	 * Runs the statements that follow from this call site ({@code null}: none captured).
	 */
	Statements from(CallSite callSite) {
		this.callSite = callSite;
		return this;
	}

	/**
	 * Runs a statement with the current settings, which then return to their defaults.
	 */
	Statements run(String sql, Object... parameters) {
		return runWith(sql, Arrays.asList(parameters));
	}

	Statements runWithoutParameters(String sql) {
		return runWith(sql, null);
	}

	private Statements runWith(String sql, List<Object> parameters) {
		int index = this.recording.record(sql, parameters, this.batchSize, this.rows, System.nanoTime(),
				this.durationNanos, this.connectionId, "dataSource", this.callSite, this.error);
		this.recording.addRead(index, 0, this.bytesRead, this.widestColumn);
		this.rows = 1;
		this.bytesRead = 0;
		this.widestColumn = null;
		this.batchSize = 1;
		this.durationNanos = 1_000;
		this.error = null;
		return this;
	}

	Statements repeat(int times, String sql) {
		for (int i = 0; i < times; i++) {
			run(sql, i + 1);
		}
		return this;
	}

	Statements enterView(String viewName) {
		this.recording.enterView(viewName);
		return this;
	}

	/** Runs a statement as a lazy load of the given association. */
	Statements lazyLoad(String entity, String attribute, boolean collection, String rootEntity, String path,
			String loader, int loaderQueryIndex, String sql, Object key) {
		int first = this.recording.getQueryCount();
		run(sql, key);
		EntityLoads.recorder(this.recording)
			.recordLazyLoad(new LazyLoad(entity, attribute, collection, rootEntity, path, loader, loaderQueryIndex,
					SERVICE, first, 1));
		return this;
	}

	/** Records the secondary select of a collection mapped {@code FetchType.EAGER}. */
	Statements eagerLoad(String entity, String attribute, String rootEntity, String path, String loader,
			int loaderQueryIndex, String sql, Object key) {
		int first = this.recording.getQueryCount();
		run(sql, key);
		EntityLoads.recorder(this.recording)
			.recordLazyLoad(new LazyLoad(entity, attribute, true, rootEntity, path, loader, loaderQueryIndex, SERVICE,
					first, 1, true));
		return this;
	}

	/** Records a lazy load that needed no statement (batch-fetched already). */
	Statements lazyLoadWithoutStatement(String entity, String attribute, boolean collection) {
		EntityLoads.recorder(this.recording)
			.recordLazyLoad(new LazyLoad(entity, attribute, collection, entity, attribute, null, -1, SERVICE,
					this.recording.getQueryCount(), 0));
		return this;
	}

	<T> Statements attach(RecordingAttribute<T> key, T value) {
		this.recording.attach(key, value);
		return this;
	}

	Recording finish() {
		return Objects.requireNonNull(this.recording.finish(200, null));
	}

	QueryGroups groups() {
		return QueryGroups.of(finish(), new SqlFingerprintCache());
	}

}
