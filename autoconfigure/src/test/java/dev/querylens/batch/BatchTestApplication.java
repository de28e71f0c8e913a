package dev.querylens.batch;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.querylens.listeners.TaskRecordings;

/**
 * An application with two Spring Batch jobs over the same orders: one whose ItemProcessor
 * reads each order's customer (an N+1 across the step's chunks), its step a bean; and its
 * fixed twin, whose reader joins, its step built inside the job's bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@EnableBatchProcessing
public class BatchTestApplication {

	/** Orders seeded, each of its own customer. */
	static final int ORDERS = 5;

	/** Items per chunk: the step has several chunks. */
	static final int CHUNK = 2;

	@Bean
	TaskRecordings taskRecordings() {
		return new TaskRecordings();
	}

	@Bean
	Schema schema(JdbcTemplate jdbc) {
		return new Schema(jdbc);
	}

	@Bean
	Step customerNames(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			Schema schema) {
		return new StepBuilder("customerNames", jobRepository).<Integer, String>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new Rows<>(
					() -> jdbc.queryForList("select customer_id from batch_orders order by id", Integer.class)))
			.processor((id) -> jdbc.queryForObject("select name from batch_customer where id = ?", String.class, id))
			.writer((names) -> {
			})
			.build();
	}

	@Bean
	Job customerReport(JobRepository jobRepository, Step customerNames) {
		return new JobBuilder("customerReport", jobRepository).start(customerNames).build();
	}

	@Bean
	Job customerReportJoined(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, Schema schema) {
		Step joined = new StepBuilder("customerNamesJoined", jobRepository).<String, String>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new Rows<>(() -> jdbc.queryForList(
					"select c.name from batch_orders o join batch_customer c on c.id = o.customer_id order by o.id",
					String.class)))
			.writer((names) -> {
			})
			.build();
		return new JobBuilder("customerReportJoined", jobRepository).start(joined).build();
	}

	/**
	 * The tables, made and seeded while the context refreshes.
	 */
	static final class Schema {

		Schema(JdbcTemplate jdbc) {
			jdbc.execute("create table if not exists batch_customer (id int primary key, name varchar(50))");
			jdbc.execute("create table if not exists batch_orders (id int primary key, customer_id int)");
			jdbc.update("delete from batch_orders");
			jdbc.update("delete from batch_customer");
			for (int i = 1; i <= ORDERS; i++) {
				jdbc.update("insert into batch_customer (id, name) values (?, ?)", i, "customer " + i);
				jdbc.update("insert into batch_orders (id, customer_id) values (?, ?)", i, i);
			}
		}

	}

	/**
	 * Reads every row of one query, run at the first read, so within the step.
	 */
	static final class Rows<T> implements ItemReader<T> {

		private final Supplier<List<T>> query;

		private Iterator<T> rows;

		Rows(Supplier<List<T>> query) {
			this.query = query;
		}

		@Override
		public T read() {
			if (this.rows == null) {
				this.rows = this.query.get().iterator();
			}
			return this.rows.hasNext() ? this.rows.next() : null;
		}

	}

}
