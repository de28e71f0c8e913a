package dev.querylens.analysis;

import java.util.Objects;
import java.util.Arrays;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.capture.RecordingAttribute;
import dev.querylens.orm.EntityLoads;

/**
 * Builds test recordings statement by statement.
 */
final class Recordings {

	static final CallSite ORDER_SERVICE = new CallSite("com.example.OrderService", "list", "OrderService.java", 31);

	static final CallSite REPORT_SERVICE = new CallSite("com.example.ReportService", "build", "ReportService.java", 12);

	static final String LOAD_ORDERS = "select o1_0.id,o1_0.customer_id from orders o1_0";

	static final String LOAD_CUSTOMER = "select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?";

	private final Recording.Started recording;

	private int nextCustomerId = 1;

	private Recordings(int maxQueries) {
		this.recording = Recording.start(Kind.TEST, null, "t", null, maxQueries);
	}

	static Recordings recording() {
		return new Recordings(1000);
	}

	static Recordings recording(int maxQueries) {
		return new Recordings(maxQueries);
	}

	Recordings query(String sql, CallSite callSite, Object... parameters) {
		return batch(sql, 1, callSite, parameters);
	}

	Recordings batch(String sql, int batchSize, CallSite callSite, Object... parameters) {
		this.recording.record(sql, Arrays.asList(parameters), batchSize, 1, System.nanoTime(), 1000, 1, "dataSource",
				callSite, null);
		return this;
	}

	Recordings unknownParameters(String sql, CallSite callSite) {
		this.recording.record(sql, null, 1, 1, System.nanoTime(), 1000, 1, "dataSource", callSite, null);
		return this;
	}

	/**
	 * One query for the orders, then one lazy load of a customer per order, each customer
	 * loaded once in the recording.
	 */
	Recordings nPlusOne(int customers, CallSite callSite) {
		query(LOAD_ORDERS, callSite);
		for (int i = 0; i < customers; i++) {
			query(LOAD_CUSTOMER, callSite, this.nextCustomerId++);
		}
		return this;
	}

	Recordings entityStatement(int queryIndex, String repositoryMethod) {
		EntityLoads.recorder(this.recording).recordEntityStatement(queryIndex, repositoryMethod);
		return this;
	}

	<T> Recordings attach(RecordingAttribute<T> key, T value) {
		this.recording.attach(key, value);
		return this;
	}

	Recording finish() {
		return Objects.requireNonNull(this.recording.finish(0, null));
	}

	QueryGroups groups() {
		return QueryGroups.of(finish(), new SqlFingerprintCache());
	}

}
