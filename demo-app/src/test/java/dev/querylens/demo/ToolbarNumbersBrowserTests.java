package dev.querylens.demo;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers the panel shows, in a real headless Chromium, against the JSON of the same
 * recording: the summary, the {@code similar ×N} and {@code duplicate ×N} marks, the
 * connection numbers and the findings.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.toolbar.badge-in-tests=true")
class ToolbarNumbersBrowserTests {

	private static final Pattern MARK = Pattern.compile("(similar|duplicate) ×(\\d+)");

	private static final Pattern CONNECTION = Pattern.compile("conn (\\d+)");

	@RegisterExtension
	static final Browser browser = new Browser();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anNPlusOnesMarksAddUpToTheSimilarCountOfTheJson() throws Exception {
		JsonNode recording = panelMatchesJson("/orders/slow");
		assertThat(recording.get("similarCount").asInt()).isEqualTo(10);
	}

	@Test
	void pureDuplicatesAreMarkedDuplicateAndNotSimilar() throws Exception {
		JsonNode recording = panelMatchesJson("/lessons/evaluated-twice/slow");
		assertThat(recording.get("duplicateCount").asInt()).isEqualTo(1);
		assertThat(recording.get("similarCount").asInt()).isZero();
	}

	@Test
	void aCollectionsNPlusOneOnOneConnectionSaysConnectionOne() throws Exception {
		JsonNode recording = panelMatchesJson("/orders/items/slow");
		assertThat(recording.get("connectionCount").asInt()).isEqualTo(1);
	}

	private JsonNode panelMatchesJson(String path) throws Exception {
		HttpResponse<String> page = browser.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		String id = page.headers().firstValue("X-QueryLens-Id").orElseThrow();
		JsonNode recording = this.json.readTree(browser.get("/actuator/queries/" + id).body());
		browser.open("/querylens/recordings/" + id);
		SearchContext detail = browser.shadowOf("querylens-detail");
		WebElement summary = browser.await((d) -> {
			List<WebElement> found = detail.findElements(By.cssSelector(".ql-summary"));
			return found.isEmpty() ? null : found.get(0);
		});
		int duplicates = recording.get("duplicateCount").asInt();
		int similar = recording.get("similarCount").asInt();
		int connections = recording.get("connectionCount").asInt();
		assertThat(summary.getText()).contains(duplicates + ((duplicates == 1) ? " duplicate" : " duplicates"),
				similar + " similar", connections + ((connections == 1) ? " connection (" : " connections ("));

		JsonNode queries = recording.get("queries");
		Map<Integer, Integer> distinctBySimilarGroup = new HashMap<>();
		Map<Integer, Integer> executionsByFirst = new HashMap<>();
		TreeSet<Integer> connectionIds = new TreeSet<>();
		for (JsonNode query : queries) {
			boolean duplicate = !query.get("duplicateOf").isNull();
			int first = duplicate ? query.get("duplicateOf").asInt() : query.get("index").asInt();
			executionsByFirst.merge(first, 1, Integer::sum);
			if (!duplicate) {
				distinctBySimilarGroup.merge(query.get("similarGroup").asInt(), 1, Integer::sum);
			}
			connectionIds.add(query.get("connectionId").asInt());
		}
		List<WebElement> items = detail.findElements(By.cssSelector(".ql-queries > .ql-query"));
		assertThat(items).hasSize(queries.size());
		int similarMarks = 0;
		List<Integer> shownConnections = new ArrayList<>();
		for (WebElement item : items) {
			JsonNode query = queries.get(Integer.parseInt(item.getAttribute("data-index")));
			boolean duplicate = !query.get("duplicateOf").isNull();
			int first = duplicate ? query.get("duplicateOf").asInt() : query.get("index").asInt();
			Map<String, Integer> marks = new HashMap<>();
			Matcher matcher = MARK.matcher(item.findElement(By.cssSelector(".ql-marks")).getText());
			while (matcher.find()) {
				marks.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
			}
			int distinct = distinctBySimilarGroup.getOrDefault(query.get("similarGroup").asInt(), 0);
			if (!duplicate && distinct > 1) {
				assertThat(marks).as("marks of statement %s", query.get("index")).containsEntry("similar", distinct);
				similarMarks++;
			}
			else {
				assertThat(marks).as("marks of statement %s", query.get("index")).doesNotContainKey("similar");
			}
			if (executionsByFirst.get(first) > 1) {
				assertThat(marks).containsEntry("duplicate", executionsByFirst.get(first));
			}
			else {
				assertThat(marks).doesNotContainKey("duplicate");
			}
			// The connection is in the statement's detail, which opens on a click of its
			// row.
			browser.js("arguments[0].querySelector('.ql-row').click();", item);
			Matcher connection = CONNECTION.matcher(item.findElement(By.cssSelector(".ql-conn")).getText());
			assertThat(connection.find()).isTrue();
			shownConnections.add(Integer.parseInt(connection.group(1)));
		}
		assertThat(similarMarks).isEqualTo(similar);
		assertThat(new TreeSet<>(shownConnections)).isEqualTo(connectionIds);
		assertThat(connectionIds.first()).isEqualTo(1);
		assertThat(connectionIds.last()).isLessThanOrEqualTo(connections);
		int findingCount = recording.get("findingCount").asInt();
		if (findingCount > 0) {
			assertThat(detail.findElement(By.cssSelector(".ql-findings h3")).getText().toLowerCase(Locale.ROOT))
				.startsWith(findingCount + ((findingCount == 1) ? " finding" : " findings"));
		}
		return recording;
	}

}
