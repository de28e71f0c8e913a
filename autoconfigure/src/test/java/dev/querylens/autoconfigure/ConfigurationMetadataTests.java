package dev.querylens.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that {@code spring-boot-configuration-processor} generates
 * from {@link QueryLensProperties}, as an IDE shows it: every {@code querylens.*}
 * property described and with its default. Compiled on JDK 23 or later without the
 * processor declared, the file is silently missing.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	/** Properties with no default to show, and why. */
	private static final Map<String, String> WITHOUT_DEFAULT = Map.of("querylens.capture.call-site-excludes",
			"empty: application frames are found positively first", "querylens.ignore",
			"a list of rules, none by default", "querylens.capture.call-site-includes",
			"empty: the application's own packages are found from its @SpringBootApplication",
			"querylens.record.exclude-patterns", "empty: every request is recorded");

	@Test
	void everyQueryLensPropertyHasADescriptionAndADefault() throws IOException {
		List<JsonNode> properties = queryLensProperties();
		assertThat(properties).extracting((property) -> property.get("name").asString())
			.contains("querylens.enabled", "querylens.toolbar.enabled", "querylens.capture.max-queries")
			.containsAll(WITHOUT_DEFAULT.keySet());
		List<String> undescribed = new ArrayList<>();
		List<String> withoutDefault = new ArrayList<>();
		for (JsonNode property : properties) {
			String name = property.get("name").asString();
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undescribed.add(name);
			}
			if (!property.has("defaultValue") && !WITHOUT_DEFAULT.containsKey(name)) {
				withoutDefault.add(name);
			}
		}
		assertThat(undescribed).as("properties without a description").isEmpty();
		assertThat(withoutDefault).as("properties without a default").isEmpty();
	}

	@Test
	void descriptionsFollowBootsStyle() throws IOException {
		for (JsonNode property : queryLensProperties()) {
			String description = property.get("description").asString();
			assertThat(description).as(property.get("name").asString()).doesNotStartWith("The ").endsWith(".");
			if (Set.of("java.lang.Boolean", "boolean").contains(property.get("type").asString())) {
				assertThat(description).as(property.get("name").asString()).startsWith("Whether");
			}
		}
	}

	private static List<JsonNode> queryLensProperties() throws IOException {
		List<JsonNode> properties = new ArrayList<>();
		for (JsonNode property : metadata().get("properties")) {
			if (property.get("name").asString().startsWith("querylens.")) {
				properties.add(property);
			}
		}
		return properties;
	}

	// The file of this module, not one of the other jars' on the class path.
	private static JsonNode metadata() throws IOException {
		String classes = QueryLensProperties.class.getProtectionDomain().getCodeSource().getLocation().toString();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			if (url.toString().startsWith(classes)) {
				try (InputStream in = url.openStream()) {
					return JsonMapper.builder().build().readTree(in);
				}
			}
		}
		throw new AssertionError(METADATA + " was not generated into " + classes);
	}

}
