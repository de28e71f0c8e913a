package dev.querylens.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.store.RecordingListener;

/**
 * An application whose N+1 runs outside any HTTP request: in a {@code @Scheduled} job
 * ticking every few milliseconds, in an {@code @Async} method, and in an
 * {@code ApplicationRunner} at start-up. A listener hands every finished task recording
 * to the test, which waits on it rather than sleeping.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@EnableScheduling
@EnableAsync
public class TasksTestApplication {

	/** Orders seeded, each of its own customer. */
	static final int ORDERS = 5;

	@Bean
	TaskRecordings taskRecordings() {
		return new TaskRecordings();
	}

	@Bean
	ApplicationRunner startupReport(Shop shop) {
		return (arguments) -> shop.customerNames();
	}

	/**
	 * The task recordings finished so far, in order.
	 */
	static final class TaskRecordings implements RecordingListener {

		private final List<AnalyzedRecording> finished = new ArrayList<>();

		@Override
		public synchronized void onFinished(AnalyzedRecording recording) {
			if (recording.recording().getKind() == Kind.TASK) {
				this.finished.add(recording);
				notifyAll();
			}
		}

		/**
		 * Waits for a task recording, finished already or not: the collector calls the
		 * listener once the recording is stored, so there is no sleep.
		 * @param wanted which recording
		 * @return the first such recording, or {@code null} after 30 seconds without one
		 */
		synchronized AnalyzedRecording await(Predicate<Recording> wanted) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			int seen = 0;
			while (true) {
				for (; seen < this.finished.size(); seen++) {
					if (wanted.test(this.finished.get(seen).recording())) {
						return this.finished.get(seen);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		}

	}

	/**
	 * Orders of customers, read one customer at a time: an N+1 wherever it runs.
	 */
	@Component
	static class Shop {

		private final JdbcTemplate jdbc;

		// The schema is made while the context refreshes, before the scheduler's first
		// tick.
		Shop(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
			jdbc.execute("create table if not exists task_customer (id int primary key, name varchar(50))");
			jdbc.execute("create table if not exists task_orders (id int primary key, customer_id int)");
			jdbc.update("delete from task_orders");
			jdbc.update("delete from task_customer");
			for (int i = 1; i <= ORDERS; i++) {
				jdbc.update("insert into task_customer (id, name) values (?, ?)", i, "customer " + i);
				jdbc.update("insert into task_orders (id, customer_id) values (?, ?)", i, i);
			}
		}

		List<String> customerNames() {
			return this.jdbc.queryForList("select customer_id from task_orders order by id", Integer.class)
				.stream()
				.map((id) -> this.jdbc.queryForObject("select name from task_customer where id = ?", String.class, id))
				.toList();
		}

		@Async
		CompletableFuture<List<String>> customerNamesLater() {
			return CompletableFuture.completedFuture(customerNames());
		}

	}

	@Component
	static class NightlyExport {

		private final Shop shop;

		NightlyExport(Shop shop) {
			this.shop = shop;
		}

		private final AtomicInteger runs = new AtomicInteger();

		// Its N+1 in the first runs only: later runs run no statement and are not kept,
		// so the first ones stay in
		// the store whatever the test's pace.
		@Scheduled(fixedDelay = 20)
		void export() {
			if (this.runs.incrementAndGet() <= 3) {
				this.shop.customerNames();
			}
		}

	}

}
