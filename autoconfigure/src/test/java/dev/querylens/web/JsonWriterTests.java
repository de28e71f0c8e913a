package dev.querylens.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonWriter}.
 */
class JsonWriterTests {

	record Item(String name, int count, Double ratio, List<Object> values, boolean ok) {
	}

	@Test
	void recordsAreWrittenByTheirComponentsInOrder() {
		assertThat(JsonWriter.write(new Item("a", 2, 0.5, Arrays.asList(1, "x", null, true), false)))
			.isEqualTo("{\"name\":\"a\",\"count\":2,\"ratio\":0.5,\"values\":[1,\"x\",null,true],\"ok\":false}");
	}

	@Test
	void stringsAreEscapedSoTheOutputIsSafeInAPage() {
		assertThat(JsonWriter.write("<img src=x onerror=\"alert(1)\">\n\\&\u0001"))
			.isEqualTo("\"\\u003cimg src=x onerror=\\\"alert(1)\\\"\\u003e\\n\\\\\\u0026\\u0001\"");
	}

	@Test
	void mapsKeepTheirOrderAndNonFiniteNumbersBecomeNull() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("b", Double.NaN);
		map.put("a", 1.0f);
		assertThat(JsonWriter.write(map)).isEqualTo("{\"b\":null,\"a\":1.0}");
	}

}
