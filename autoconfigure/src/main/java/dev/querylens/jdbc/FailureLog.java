package dev.querylens.jdbc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports failures of QueryLens's own code on the JDBC path: once per class of failure, so a
 * broken recorder neither reaches the application nor floods its log.
 */
final class FailureLog {

	private static final Logger logger = LoggerFactory.getLogger(RecordingDataSource.class);

	private static final Set<Class<?>> reported = ConcurrentHashMap.newKeySet();

	private FailureLog() {
	}

	static void logOnce(RuntimeException failure) {
		if (reported.add(failure.getClass())) {
			logger.warn("QueryLens could not record a query; the application is not affected and further "
					+ failure.getClass().getName() + " failures are not logged", failure);
		}
	}

}
