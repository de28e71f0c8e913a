package dev.querylens.web.dashboard;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;
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
	void everyControlCharacterIsEscaped() {
		StringBuilder controls = new StringBuilder();
		StringBuilder expected = new StringBuilder("\"");
		for (char c = 0; c < 0x20; c++) {
			controls.append(c);
			expected.append(switch (c) {
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				case '\t' -> "\\t";
				default -> "\\u00" + ((c < 0x10) ? "0" : "1") + Integer.toHexString(c & 0xF);
			});
		}
		assertThat(JsonWriter.write(controls.toString())).isEqualTo(expected.append('"').toString());
	}

	@Test
	void lineSeparatorsAndPageMarkupAreEscaped() {
		assertThat(JsonWriter.write("a\u2028b\u2029c<>&\u007f\u00e9"))
			.isEqualTo("\"a\\u2028b\\u2029c\\u003c\\u003e\\u0026\u007f\u00e9\"");
	}

	@Test
	void surrogatePairsAreKeptAndLoneSurrogatesEscaped() {
		assertThat(JsonWriter.write("x\uD83D\uDE00y")).isEqualTo("\"x\uD83D\uDE00y\"");
		assertThat(JsonWriter.write("a\uD83Db\uDE00")).isEqualTo("\"a\\ud83db\\ude00\"");
		assertThat(JsonWriter.write("\uD83D")).isEqualTo("\"\\ud83d\"");
	}

	@Test
	void escapingAllocatesNothingPerCharacter() {
		String text = "<".repeat(1_000_000);
		JsonWriter.write("<".repeat(1000));
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		String json = JsonWriter.write(text);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(json).hasSize(6_000_002).startsWith("\"\\u003c\\u003c");
		// The growing buffer and the result: a few bytes per character written, none per
		// escape.
		assertThat(allocated).as("bytes allocated").isLessThan(8L * json.length());
	}

	@Test
	void mapsKeepTheirOrderAndNonFiniteNumbersBecomeNull() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("b", Double.NaN);
		map.put("a", 1.0f);
		assertThat(JsonWriter.write(map)).isEqualTo("{\"b\":null,\"a\":1.0}");
	}

}
