package dev.querylens.demo.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the two order export jobs on the jobs' schedule. Not a {@code @Scheduled} method:
 * a job started inside a scheduled run would count for that run's recording, and the
 * Tasks tab would show the scheduled method rather than each step. Scheduled as the
 * context starts, before any recording (the start-up runners' one begins after), so the
 * scheduler's runs carry none and each step is a recording of its own.
 */
@Component
@Profile("jobs")
class OrderExportLauncher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OrderExportLauncher.class);

	private final TaskScheduler scheduler;

	private final JobOperator jobOperator;

	private final List<Job> jobs;

	private final Duration initialDelay;

	private final Duration interval;

	private volatile ScheduledFuture<?> runs;

	OrderExportLauncher(TaskScheduler scheduler, JobOperator jobOperator, @Qualifier("orderExport") Job orderExport,
			@Qualifier("orderExportJoined") Job orderExportJoined,
			@Value("${demo.jobs.initial-delay:5s}") Duration initialDelay,
			@Value("${demo.jobs.interval:60s}") Duration interval) {
		this.scheduler = scheduler;
		this.jobOperator = jobOperator;
		this.jobs = List.of(orderExport, orderExportJoined);
		this.initialDelay = initialDelay;
		this.interval = interval;
	}

	@Override
	public void start() {
		this.runs = this.scheduler.scheduleWithFixedDelay(this::runJobs, Instant.now().plus(this.initialDelay),
				this.interval);
	}

	private void runJobs() {
		for (Job job : this.jobs) {
			try {
				this.jobOperator.start(job,
						new JobParametersBuilder().addLong("run", System.currentTimeMillis()).toJobParameters());
			}
			catch (Exception ex) {
				logger.warn("Job " + job.getName() + " did not run", ex);
			}
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> scheduled = this.runs;
		if (scheduled != null) {
			scheduled.cancel(false);
			this.runs = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.runs != null;
	}

}
