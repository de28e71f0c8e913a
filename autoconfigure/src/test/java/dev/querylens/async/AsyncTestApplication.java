package dev.querylens.async;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with a {@link TaskDecorator} of its own (it carries the request's tenant
 * to task threads), that hands statements to other threads in the usual ways: Boot's
 * application task executor, {@code @Async}, and a context-propagation
 * {@link ContextExecutorService} that knows nothing of Spring's decorators. Each page
 * answers the tenant its statement's thread saw and the thread's name, so the test
 * asserts on the request thread.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@EnableAsync
public class AsyncTestApplication {

	/** The application's own per-thread state, which its decorator carries. */
	static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	@Bean
	TaskDecorator tenantTaskDecorator() {
		return (task) -> {
			String tenant = TENANT.get();
			return () -> {
				TENANT.set(tenant);
				try {
					task.run();
				}
				finally {
					TENANT.remove();
				}
			};
		};
	}

	@Service
	static class Statements {

		private final JdbcTemplate jdbc;

		Statements(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		String run() {
			this.jdbc.queryForObject("select 1", Integer.class);
			return TENANT.get() + "@" + Thread.currentThread().getName();
		}

		@Async
		CompletableFuture<String> runAsync() {
			return CompletableFuture.completedFuture(run());
		}

	}

	@RestController
	static class AsyncController implements AutoCloseable {

		private final Statements statements;

		private final AsyncTaskExecutor executor;

		// Not a bean: an Executor bean would make Boot back off its application task
		// executor.
		private final ExecutorService contextAware = ContextExecutorService
			.wrap(Executors.newSingleThreadExecutor((task) -> new Thread(task, "context-aware")));

		AsyncController(Statements statements, AsyncTaskExecutor executor) {
			this.statements = statements;
			this.executor = executor;
		}

		@GetMapping("/executor")
		String executor(@RequestHeader("X-Tenant") String tenant) throws Exception {
			return asTenant(tenant, () -> this.executor.submitCompletable(this.statements::run).get());
		}

		@GetMapping("/async")
		String async(@RequestHeader("X-Tenant") String tenant) throws Exception {
			return asTenant(tenant, () -> this.statements.runAsync().get());
		}

		@GetMapping("/context-aware")
		String contextAware() throws Exception {
			return CompletableFuture.supplyAsync(this.statements::run, this.contextAware).get();
		}

		private String asTenant(String tenant, Callable<String> work) throws Exception {
			TENANT.set(tenant);
			try {
				return work.call();
			}
			finally {
				TENANT.remove();
			}
		}

		@Override
		public void close() {
			this.contextAware.shutdown();
		}

	}

}
