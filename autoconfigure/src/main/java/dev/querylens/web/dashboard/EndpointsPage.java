package dev.querylens.web.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.store.RecordingStore;

/**
 * Builds the endpoints page: the history grouped by method and pattern, each endpoint's
 * statement counts (fewest, median, most), mean database time and findings, the endpoint
 * with the most statements first.
 */
final class EndpointsPage {

	private final RecordingStore store;

	EndpointsPage(RecordingStore store) {
		this.store = store;
	}

	EndpointsView view(String base) {
		Map<String, List<AnalyzedRecording>> byEndpoint = new LinkedHashMap<>();
		for (AnalyzedRecording analyzed : this.store.findAll()) {
			String pattern = analyzed.recording().getPattern();
			String key = analyzed.recording().getMethod() + " "
					+ ((pattern != null) ? pattern : analyzed.recording().getUri());
			byEndpoint.computeIfAbsent(key, (k) -> new ArrayList<>()).add(analyzed);
		}
		List<EndpointsView.Row> rows = new ArrayList<>();
		byEndpoint.forEach((endpoint, recordings) -> rows.add(row(base, endpoint, recordings)));
		rows.sort(Comparator.comparingInt(EndpointsView.Row::max)
			.thenComparingInt(EndpointsView.Row::requests)
			.reversed());
		return new EndpointsView(rows);
	}

	private static EndpointsView.Row row(String base, String endpoint, List<AnalyzedRecording> recordings) {
		List<Integer> counts = recordings.stream().map((r) -> r.recording().getQueryCount()).sorted().toList();
		int n = counts.size();
		double median = (n % 2 == 1) ? counts.get(n / 2) : (counts.get(n / 2 - 1) + counts.get(n / 2)) / 2.0;
		Set<String> types = new LinkedHashSet<>();
		long withFindings = 0;
		double dbTime = 0;
		for (AnalyzedRecording recording : recordings) {
			List<String> found = FindingLabels.of(recording);
			types.addAll(found);
			withFindings += found.isEmpty() ? 0 : 1;
			dbTime += recording.recording().getQueryTimeNanos() / 1_000_000.0;
		}
		String medianText = (median == Math.rint(median)) ? String.valueOf((long) median)
				: String.format(Locale.ROOT, "%.1f", median);
		String href = base + "?uri="
				+ URLEncoder.encode(endpoint.substring(endpoint.indexOf(' ') + 1), StandardCharsets.UTF_8);
		return new EndpointsView.Row(endpoint, n, counts.get(0), medianText, counts.get(n - 1),
				FindingLabels.millis(dbTime / n), withFindings, String.join(", ", types), href);
	}

}
