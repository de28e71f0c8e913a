package dev.querylens.web.dashboard;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Routes}: a path reaches a route only segment for segment, each
 * variable meeting its rule; everything else matches nothing.
 */
class RoutesTests {

	private static final Routes.Action ANSWER = (request, response, variables) -> {
	};

	private final Routes routes = new Routes(Map.of("id", Pattern.compile("[0-9a-z-]{1,64}").asMatchPredicate(),
			"index", Pattern.compile("[0-9]{1,9}").asMatchPredicate(), "file", Set.of("toolbar.js")::contains))
		.add("GET", "", false, ANSWER)
		.add("GET", "endpoints", false, ANSWER)
		.add("GET", "recordings/{id}", false, ANSWER)
		.add("GET", "static/{file}", false, ANSWER)
		.add("GET", "api/recordings", false, ANSWER)
		.add("DELETE", "api/recordings", true, ANSWER)
		.add("POST", "api/recordings/{id}/queries/{index}/explain", true, ANSWER);

	@Test
	void theRootIsTheEmptyPathOrASingleSlash() {
		assertThat(this.routes.resolve("GET", "").route()).isNotNull();
		assertThat(this.routes.resolve("GET", "/").route()).isNotNull();
		assertThat(this.routes.resolve("GET", "//").route()).isNull();
	}

	@Test
	void aPathReachesItsRouteWithItsVariables() {
		Routes.Resolution resolution = this.routes.resolve("POST", "/api/recordings/19abc/queries/3/explain");
		assertThat(resolution.route()).isNotNull();
		assertThat(resolution.route().changes()).isTrue();
		assertThat(resolution.variables()).containsExactly(Map.entry("id", "19abc"), Map.entry("index", "3"));
		assertThat(this.routes.resolve("GET", "/static/toolbar.js").variables()).containsEntry("file", "toolbar.js");
	}

	@Test
	void headIsAnsweredByTheGetRoute() {
		assertThat(this.routes.resolve("HEAD", "/endpoints").route().method()).isEqualTo("GET");
		assertThat(this.routes.resolve("HEAD", "/api/recordings/1/queries/0/explain").route()).isNull();
	}

	@Test
	void anotherMethodOnAKnownPathGivesTheMethodsItAllows() {
		Routes.Resolution resolution = this.routes.resolve("PUT", "/api/recordings");
		assertThat(resolution.route()).isNull();
		assertThat(resolution.allowed()).containsExactly("GET", "DELETE");
		assertThat(this.routes.resolve("GET", "/api/recordings/1/queries/0/explain").allowed()).containsExactly("POST");
	}

	@Test
	void unknownAndMalformedPathsMatchNothing() {
		for (String path : new String[] { "/nothing", "endpoints", "/endpoints/", "/endpoints//", "//endpoints",
				"/recordings", "/recordings/", "/recordings/1/", "/recordings//1", "/recordings/1/2", "/recordings/..",
				"/recordings/.", "/recordings/%2e%2e", "/recordings/a%2Fb", "/recordings/a;b=c",
				"/recordings/" + "a".repeat(65), "/recordings/" + "a".repeat(100_000),
				"/static/../application.properties", "/static/..%2Fapplication.properties",
				"/static/%2e%2e/application.properties", "/static/", "/static/toolbar.js/", "/static/TOOLBAR.JS",
				"/static/toolbar.js;jsessionid=1", "/static/sql.js", "/api/recordings/",
				"/api/recordings/1/queries/-1/explain", "/api/recordings/1/queries/1234567890/explain",
				"/api/recordings/1/queries/0/explain/", "/api/recordings/1/queries/0/drop",
				"/api/recordings/1/queries/x/explain" }) {
			Routes.Resolution resolution = this.routes.resolve("GET", path);
			assertThat(resolution.route()).as(path).isNull();
			assertThat(resolution.allowed()).as(path).isEmpty();
			assertThat(this.routes.resolve("POST", path).route()).as(path).isNull();
		}
	}

	@Test
	void aTemplateWithAVariableWithoutARuleIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.routes.add("GET", "things/{thing}", false, ANSWER))
			.withMessageContaining("{thing}");
	}

}
