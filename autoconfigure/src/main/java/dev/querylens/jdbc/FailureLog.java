package dev.querylens.jdbc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reports failures of QueryLens's own code on the JDBC path: once per class of failure,
 * so a broken recorder neither reaches the application nor floods its log.
 */
final class FailureLog {

	private static final Log logger = LogFactory.getLog(RecordingDataSource.class);

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
