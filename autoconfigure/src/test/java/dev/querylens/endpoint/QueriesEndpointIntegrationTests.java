package dev.querylens.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.querylens.task.TaskRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/queries} over real HTTP: its JSON keeps the documented shape whatever
 * the application's Jackson settings, and bound values are shown as
 * {@code management.endpoint.queries.show-values} says.
 */
class QueriesEndpointIntegrationTests {

	private static final Set<String> SUMMARY_KEYS = Set.of("id", "kind", "method", "uri", "query", "pattern", "status",
			"startedAt", "durationMs", "queryCount", "queryTimeMs", "duplicateCount", "similarCount", "findingCount",
			"connectionCount", "connectionAcquireMs", "connectionFailureCount");

	private static final Set<String> QUERY_KEYS = Set.of("index", "sql", "fingerprint", "parameters", "batchSize",
			"rows", "durationMs", "offsetMs", "connectionId", "dataSource", "phase", "thread", "callSite", "error",
			"duplicateOf", "similarGroup", "bytesRead", "widestColumn", "callPath", "sqlLength", "sqlTruncated",
			"transaction", "flushedAtCommit");

	private static final Set<String> FINDING_KEYS = Set.of("type", "severity", "message", "fingerprint", "count",
			"callSite", "association", "suggestion", "queryIndexes", "ignored");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theJsonHasTheDocumentedKeysAndItsNullsWhateverTheApplicationsJacksonSettings() throws Exception {
		Answers defaults = answers();
		assertThat(defaults.list().get("recordings").get(0).propertyNames())
			.containsExactlyInAnyOrderElementsOf(SUMMARY_KEYS);
		Set<String> detailKeys = new TreeSet<>(SUMMARY_KEYS);
		detailKeys.addAll(Set.of("truncated", "queries", "findings", "connectionFailures", "transactions"));
		assertThat(defaults.detail().propertyNames()).containsExactlyInAnyOrderElementsOf(detailKeys);
		assertThat(defaults.detail().get("queries").get(0).propertyNames())
			.containsExactlyInAnyOrderElementsOf(QUERY_KEYS);
		assertThat(defaults.detail().get("findings").get(0).propertyNames())
			.containsExactlyInAnyOrderElementsOf(FINDING_KEYS);
		for (String setting : List.of("spring.jackson.property-naming-strategy=SNAKE_CASE",
				"spring.jackson.default-property-inclusion=non_null")) {
			Answers answers = answers(setting);
			assertThat(keys(answers.list())).as(setting).isEqualTo(keys(defaults.list()));
			assertThat(keys(answers.detail())).as(setting).isEqualTo(keys(defaults.detail()));
			assertThat(answers.detail().get("query").isNull()).as(setting).isTrue();
			assertThat(answers.detail().get("queries").get(0).get("duplicateOf").isNull()).as(setting).isTrue();
			assertThat(answers.detail().get("queries").get(0).get("transaction").isNull()).as(setting).isTrue();
			assertThat(answers.detail().get("findings").get(0).get("association").isNull()).as(setting).isTrue();
		}
	}

	@Test
	void aStatementLongerThanMaxSqlLengthIsCutWithItsLengthAndWholeFingerprint() throws Exception {
		JsonNode whole = answers().detail().get("queries").get(0);
		assertThat(whole.get("sql").asString()).isEqualTo("select cast(? as int) * 10");
		assertThat(whole.get("sqlLength").asInt()).isEqualTo(26);
		assertThat(whole.get("sqlTruncated").asBoolean()).isFalse();
		JsonNode cut = answers("querylens.capture.max-sql-length=25").detail().get("queries").get(0);
		assertThat(cut.get("sql").asString()).isEqualTo("select cast(? as int) * 1");
		assertThat(cut.get("sqlLength").asInt()).isEqualTo(26);
		assertThat(cut.get("sqlTruncated").asBoolean()).isTrue();
		assertThat(cut.get("fingerprint").asString()).isEqualTo(whole.get("fingerprint").asString());
	}

	@Test
	void parameterValuesAreHiddenByDefault() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(parametersSeenBy(context, null, null)).isEqualTo("[\"******\"]");
		}
	}

	@Test
	void withShowValuesAlwaysParameterValuesAreShownToAnyone() throws Exception {
		try (ConfigurableApplicationContext context = start("management.endpoint.queries.show-values=always")) {
			assertThat(parametersSeenBy(context, null, null)).isEqualTo("[3]");
		}
	}

	@Test
	void withShowValuesWhenAuthorizedParameterValuesAreShownOnlyToAnAuthenticatedUser() throws Exception {
		try (ConfigurableApplicationContext context = start(
				"management.endpoint.queries.show-values=when-authorized")) {
			assertThat(parametersSeenBy(context, null, null)).isEqualTo("[\"******\"]");
			assertThat(parametersSeenBy(context, "alice", null)).isEqualTo("[3]");
		}
	}

	@Test
	void withRolesParameterValuesAreShownOnlyToAUserInOneOfThem() throws Exception {
		try (ConfigurableApplicationContext context = start("management.endpoint.queries.show-values=when-authorized",
				"management.endpoint.queries.roles=auditor,admin")) {
			assertThat(parametersSeenBy(context, null, null)).isEqualTo("[\"******\"]");
			assertThat(parametersSeenBy(context, "alice", "user")).isEqualTo("[\"******\"]");
			assertThat(parametersSeenBy(context, "alice", "user,admin")).isEqualTo("[3]");
		}
	}

	@Test
	void theListHasEveryKindAndKindFiltersIt() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			String request = recordedRequest(context);
			context.getBean(TaskRecorder.class).record("nightly export", () -> {
				context.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class);
			});
			assertThat(kindsListed(context, "")).containsExactly("task", "http");
			assertThat(kindsListed(context, "?kind=task")).containsExactly("task");
			assertThat(kindsListed(context, "?kind=http")).containsExactly("http");
			assertThat(kindsListed(context, "?kind=test")).isEmpty();
			assertThat(kindsListed(context, "?kind=nonsense")).isEmpty();
			JsonNode list = JSON.readTree(get(context, "/actuator/queries?kind=http", null, null).body());
			assertThat(list.get("recordings").get(0).get("id").asString()).isEqualTo(request);
		}
	}

	private List<String> kindsListed(ConfigurableApplicationContext context, String query) throws Exception {
		HttpResponse<String> response = get(context, "/actuator/queries" + query, null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> kinds = new ArrayList<>();
		JSON.readTree(response.body())
			.get("recordings")
			.forEach((summary) -> kinds.add(summary.get("kind").asString()));
		return kinds;
	}

	private Answers answers(String... properties) throws Exception {
		try (ConfigurableApplicationContext context = start(properties)) {
			String id = recordedRequest(context);
			JsonNode list = JSON.readTree(get(context, "/actuator/queries", null, null).body());
			JsonNode detail = JSON.readTree(get(context, "/actuator/queries/" + id, null, null).body());
			return new Answers(list, detail);
		}
	}

	private String parametersSeenBy(ConfigurableApplicationContext context, String user, String roles)
			throws Exception {
		String id = recordedRequest(context);
		HttpResponse<String> response = get(context, "/actuator/queries/" + id, user, roles);
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("queries").get(0).get("parameters").toString();
	}

	private String recordedRequest(ConfigurableApplicationContext context) throws Exception {
		HttpResponse<String> response = get(context, "/orders/3", null, null);
		assertThat(response.body()).isEqualTo("60");
		return response.headers().firstValue("X-QueryLens-Id").orElseThrow();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String path, String user, String roles)
			throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (user != null) {
			request.header(EndpointTestApplication.USER_HEADER, user);
		}
		if (roles != null) {
			request.header(EndpointTestApplication.ROLES_HEADER, roles);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"spring.datasource.url=jdbc:h2:mem:endpoint-" + UUID.randomUUID(),
				"management.endpoints.web.exposure.include=queries"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(EndpointTestApplication.class).properties(all.toArray(String[]::new)).run();
	}

	// Every key path of a JSON document, array elements merged: recordings[].startedAt.
	private static Set<String> keys(JsonNode node) {
		Set<String> keys = new TreeSet<>();
		collect(node, "", keys);
		return keys;
	}

	private static void collect(JsonNode node, String path, Set<String> keys) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String key = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				keys.add(key);
				collect(property.getValue(), key, keys);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, path + "[]", keys);
			}
		}
	}

	private record Answers(JsonNode list, JsonNode detail) {
	}

}
