package dev.querylens.web.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The requests page (also the tasks and tests tabs): the recent recordings of one kind,
 * filtered and sorted as asked.
 *
 * @param kind {@code http}, {@code task} or {@code test}
 * @param kindInput the kind the filter form sends again, empty for requests
 * @param tasksHref the tasks tab
 * @param testsHref the tests tab, empty when no test stored a recording
 * @param rows the recordings shown
 * @param total how many recordings of this kind there are
 * @param findingsOnly whether only those with findings are shown
 * @param uriFilter the text their URI, pattern or query must contain
 * @param min the fewest statements shown, empty for no minimum
 * @param sort {@code newest}, {@code queries}, {@code time}, {@code duration} or
 * {@code findings}
 * @param sortLinks the page sorted each way, with the same filters
 */
public record RequestsView(String kind, String kindInput, String tasksHref, String testsHref, List<Row> rows, int total,
		boolean findingsOnly, String uriFilter, String min, String sort, SortLinks sortLinks) {

	/**
	 * One recording.
	 *
	 * @param id its id
	 * @param time when it started, as {@code HH:mm:ss} in the server's zone
	 * @param startedAt when it started, ISO-8601
	 * @param method the HTTP method, or the task's source
	 * @param uri the URI with its query string, or the task's name
	 * @param pattern the handler's pattern
	 * @param status the HTTP status, 0 for none
	 * @param queryCount how many statements it ran
	 * @param queryTime their time, e.g. {@code 2.1 ms}
	 * @param queryTimeMs their time in milliseconds, to sort by
	 * @param duration the whole request's time
	 * @param durationMs the whole request's time in milliseconds, to sort by
	 * @param findingCount how many findings are not ignored
	 * @param findingTypes their kinds, e.g. {@code N+1}
	 * @param ignoredCount how many findings are ignored
	 * @param href its page
	 */
	public record Row(String id, String time, String startedAt, String method, String uri, @Nullable String pattern,
			int status, int queryCount, String queryTime, double queryTimeMs, String duration, double durationMs,
			int findingCount, String findingTypes, int ignoredCount, String href) {

	}

	/**
	 * The page sorted each way.
	 *
	 * @param newest newest first
	 * @param queries most statements first
	 * @param time most database time first
	 * @param duration slowest first
	 * @param findings most findings first
	 */
	public record SortLinks(String newest, String queries, String time, String duration, String findings) {

	}

}
