package dev.querylens.web.dashboard;

import java.util.List;

/**
 * The endpoints page: the recent requests grouped by endpoint, worst first.
 *
 * @param rows one row an endpoint
 */
public record EndpointsView(List<Row> rows) {

	/**
	 * One endpoint's statistics.
	 *
	 * @param endpoint its method and pattern (its URI when it has none)
	 * @param requests how many recent requests it had
	 * @param min the fewest statements of one request
	 * @param median the median number of statements, {@code 6} or {@code 6.5}
	 * @param max the most statements of one request
	 * @param meanQueryTime the mean database time of a request, e.g. {@code 2.1 ms}
	 * @param withFindings how many requests had findings
	 * @param findingTypes the kinds of finding seen, e.g. {@code N+1, duplicates}
	 * @param href the requests page filtered to this endpoint
	 */
	public record Row(String endpoint, int requests, int min, String median, int max, String meanQueryTime,
			long withFindings, String findingTypes, String href) {

	}

}
