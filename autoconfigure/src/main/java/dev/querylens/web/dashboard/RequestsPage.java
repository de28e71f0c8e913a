package dev.querylens.web.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;
import dev.querylens.report.RecordingSummaryDescriptor;
import dev.querylens.store.RecordingStore;

/**
 * Builds the requests page from the history and the filters of the request's query
 * string: {@code kind}, {@code findings}, {@code uri}, {@code min} and {@code sort}.
 */
final class RequestsPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	private static final List<String> SORTS = List.of("newest", "queries", "time", "duration", "findings");

	private final RecordingStore store;

	RequestsPage(RecordingStore store) {
		this.store = store;
	}

	RequestsView view(HttpServletRequest request, String base) {
		boolean findingsOnly = request.getParameter("findings") != null;
		String uri = parameter(request, "uri", "").trim();
		int min;
		try {
			min = Math.max(0, Integer.parseInt(parameter(request, "min", "0").trim()));
		}
		catch (NumberFormatException ex) {
			min = 0;
		}
		Comparator<RequestsView.Row> order = order(parameter(request, "sort", "newest"));
		String sort = (order != null) ? parameter(request, "sort", "newest") : "newest";
		// One tab per kind: requests by default, tasks, and tests when a test stored any.
		Kind kind = switch (parameter(request, "kind", "").trim()) {
			case "task" -> Kind.TASK;
			case "test" -> Kind.TEST;
			default -> Kind.HTTP;
		};
		List<AnalyzedRecording> stored = this.store.findAll();
		List<AnalyzedRecording> all = stored.stream()
			.filter((analyzed) -> analyzed.recording().getKind() == kind)
			.toList();
		boolean hasTests = stored.stream().anyMatch((analyzed) -> analyzed.recording().getKind() == Kind.TEST);
		List<RequestsView.Row> rows = new ArrayList<>();
		for (AnalyzedRecording analyzed : all) {
			RecordingSummaryDescriptor summary = RecordingSummaryDescriptor.of(analyzed);
			String text = (summary.uri() + " " + Optional.ofNullable(summary.query()).orElse("") + " "
					+ Optional.ofNullable(summary.pattern()).orElse(""))
				.toLowerCase(Locale.ROOT);
			if ((findingsOnly && summary.findingCount() == 0) || summary.queryCount() < min
					|| (!uri.isEmpty() && !text.contains(uri.toLowerCase(Locale.ROOT)))) {
				continue;
			}
			rows.add(new RequestsView.Row(summary.id(), TIME.format(analyzed.recording().getStartedAt()),
					summary.startedAt(), summary.method(),
					summary.uri() + ((summary.query() != null) ? "?" + summary.query() : ""), summary.pattern(),
					summary.status(), summary.queryCount(), FindingLabels.millis(summary.queryTimeMs()),
					summary.queryTimeMs(), FindingLabels.millis(summary.durationMs()), summary.durationMs(),
					summary.findingCount(), String.join(", ", FindingLabels.of(analyzed)),
					analyzed.findings().size() - summary.findingCount(), base + "/recordings/" + summary.id()));
		}
		if (order != null) {
			rows.sort(order);
		}
		String kindName = kind.name().toLowerCase(Locale.ROOT);
		String kindParameter = (kind == Kind.HTTP) ? "" : "&kind=" + kindName;
		String filters = kindParameter + (findingsOnly ? "&findings=on" : "")
				+ (uri.isEmpty() ? "" : "&uri=" + URLEncoder.encode(uri, StandardCharsets.UTF_8))
				+ ((min > 0) ? "&min=" + min : "");
		List<String> links = SORTS.stream().map((key) -> base + "?sort=" + key + filters).toList();
		return new RequestsView(kindName, (kind == Kind.HTTP) ? "" : kindName, base + "?kind=task",
				(hasTests || kind == Kind.TEST) ? base + "?kind=test" : "", rows, all.size(), findingsOnly, uri,
				(min > 0) ? String.valueOf(min) : "", sort,
				new RequestsView.SortLinks(links.get(0), links.get(1), links.get(2), links.get(3), links.get(4)));
	}

	private static String parameter(HttpServletRequest request, String name, String otherwise) {
		return Optional.ofNullable(request.getParameter(name)).orElse(otherwise);
	}

	private static @Nullable Comparator<RequestsView.Row> order(String sort) {
		return switch (sort) {
			case "queries" -> Comparator.comparingInt(RequestsView.Row::queryCount).reversed();
			case "time" -> Comparator.comparingDouble(RequestsView.Row::queryTimeMs).reversed();
			case "duration" -> Comparator.comparingDouble(RequestsView.Row::durationMs).reversed();
			case "findings" -> Comparator.comparingInt(RequestsView.Row::findingCount).reversed();
			default -> null;
		};
	}

}
