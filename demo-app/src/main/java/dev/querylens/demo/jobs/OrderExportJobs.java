package dev.querylens.demo.jobs;

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
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two Spring Batch jobs that export who placed each order, in chunks of {@value #CHUNK}:
 * the slow one's processor loads each order's customer on its own (an N+1 over the whole
 * step, recorded as the task {@code orderExport / exportOrders}), its twin reads the
 * names with the orders in one join. Spring Batch's default job repository keeps the
 * executions in memory, so the jobs add no tables and no statements of their own to the
 * database the other pages show.
 */
@Configuration(proxyBeanMethods = false)
@Profile("jobs")
@EnableBatchProcessing
class OrderExportJobs {

	static final int CHUNK = 10;

	@Bean
	Step exportOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder("exportOrders", jobRepository).<OrderOfCustomer, String>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new Rows<>(() -> jdbc.query("select id, customer_id from orders order by id",
					(row, i) -> new OrderOfCustomer(row.getLong(1), row.getLong(2)))))
			.processor((order) -> order.id() + ";"
					+ jdbc.queryForObject("select name from customer where id = ?", String.class, order.customerId()))
			.writer(discard())
			.build();
	}

	@Bean
	Job orderExport(JobRepository jobRepository, Step exportOrders) {
		return new JobBuilder("orderExport", jobRepository).start(exportOrders).build();
	}

	@Bean
	Step exportOrdersJoined(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("exportOrdersJoined", jobRepository).<String, String>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(new Rows<>(() -> jdbc.query(
					"select o.id, c.name from orders o join customer c on c.id = o.customer_id order by o.id",
					(row, i) -> row.getLong(1) + ";" + row.getString(2))))
			.writer(discard())
			.build();
	}

	@Bean
	Job orderExportJoined(JobRepository jobRepository, Step exportOrdersJoined) {
		return new JobBuilder("orderExportJoined", jobRepository).start(exportOrdersJoined).build();
	}

	// Where the lines go is beside the point of the demo: what it shows is how they were
	// read.
	private static ItemWriter<String> discard() {
		return (lines) -> {
		};
	}

	/**
	 * An order and its customer's id, as the slow job's reader gives them.
	 *
	 * @param id the order's id
	 * @param customerId its customer's id
	 */
	record OrderOfCustomer(long id, long customerId) {

	}

	/**
	 * Reads every row of one query, run at the first read of each step execution, so
	 * within the step; read anew at the next.
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
			if (this.rows.hasNext()) {
				return this.rows.next();
			}
			this.rows = null;
			return null;
		}

	}

}
