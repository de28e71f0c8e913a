package dev.querylens.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.analysis.Finding;

/**
 * The known findings of a test suite, read from and written to a JSON file
 * ({@code querylens-baseline.json}), so that a team can fail on new findings today and
 * fix the known ones over time: <pre>
 * {"findings": [
 *   {"test": "com.example.OrderServiceTests", "type": "N_PLUS_ONE",
 *    "fingerprint": "select … from customer c1_0 where c1_0.id=?",
 *    "callSite": "com.example.OrderRow.of(OrderRow.java)"}
 * ]}
 * </pre>
 */
public final class Baseline {

	private final List<BaselineEntry> entries;

	/**
	 * Creates a baseline.
	 * @param entries the known findings
	 */
	public Baseline(List<BaselineEntry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * Reads a baseline file.
	 * @param file the file
	 * @return the baseline, empty when the file does not exist
	 * @throws IllegalStateException when the file is not a baseline
	 */
	public static Baseline read(Path file) {
		if (!Files.exists(file)) {
			return new Baseline(List.of());
		}
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read QueryLens baseline " + file, ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("QueryLens baseline " + file + " is not valid: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a baseline from its JSON text.
	 * @param json the text
	 * @return the baseline
	 */
	public static Baseline parse(String json) {
		Object root = new JsonReader(json).readDocument();
		if (!(root instanceof Map<?, ?> map) || !(map.get("findings") instanceof List<?> findings)) {
			throw new IllegalArgumentException("expected {\"findings\": [...]}");
		}
		List<BaselineEntry> entries = new ArrayList<>();
		for (Object item : findings) {
			if (!(item instanceof Map<?, ?> entry)) {
				throw new IllegalArgumentException("each finding must be an object");
			}
			entries.add(new BaselineEntry(text(entry, "test"), required(entry, "type"), required(entry, "fingerprint"),
					text(entry, "callSite")));
		}
		return new Baseline(entries);
	}

	/**
	 * Returns the known findings.
	 * @return the entries, in file order
	 */
	public List<BaselineEntry> getEntries() {
		return this.entries;
	}

	/**
	 * Whether a finding is known, whichever test saw it.
	 * @param entry the finding's entry
	 * @return whether the baseline holds it
	 */
	public boolean contains(BaselineEntry entry) {
		return this.entries.stream().anyMatch(entry::matches);
	}

	/**
	 * Returns the findings that are not known.
	 * @param test the test class that saw them
	 * @param findings the findings
	 * @return those not in the baseline
	 */
	public List<Finding> newFindings(String test, List<Finding> findings) {
		return findings.stream().filter((finding) -> !contains(BaselineEntry.of(test, finding))).toList();
	}

	/**
	 * Returns the known findings of a test class that it no longer saw: fixed ones, to
	 * remove from the baseline.
	 * @param test the test class, run in full
	 * @param seen what it saw
	 * @return its entries that match nothing seen
	 */
	public List<BaselineEntry> goneEntries(String test, List<BaselineEntry> seen) {
		return this.entries.stream()
			.filter((entry) -> test.equals(entry.test()))
			.filter((entry) -> seen.stream().noneMatch(entry::matches))
			.toList();
	}

	/**
	 * Returns this baseline with a test class's entries replaced by what it saw, other
	 * classes' kept.
	 * @param test the test class
	 * @param seen what it saw
	 * @return the new baseline
	 */
	public Baseline replace(String test, List<BaselineEntry> seen) {
		List<BaselineEntry> result = new ArrayList<>();
		this.entries.stream().filter((entry) -> !test.equals(entry.test())).forEach(result::add);
		for (BaselineEntry entry : seen) {
			if (result.stream().noneMatch((kept) -> kept.test().equals(entry.test()) && kept.matches(entry))) {
				result.add(entry);
			}
		}
		return new Baseline(result);
	}

	/**
	 * Writes this baseline, one finding a line, sorted so that the file diffs well.
	 * @param file the file
	 */
	public void write(Path file) {
		List<BaselineEntry> sorted = new ArrayList<>(this.entries);
		sorted.sort(Comparator.comparing(BaselineEntry::test, Comparator.nullsFirst(String::compareTo))
			.thenComparing(BaselineEntry::type)
			.thenComparing(BaselineEntry::fingerprint)
			.thenComparing(BaselineEntry::callSite, Comparator.nullsFirst(String::compareTo)));
		StringBuilder json = new StringBuilder("{\"findings\": [");
		for (int i = 0; i < sorted.size(); i++) {
			BaselineEntry entry = sorted.get(i);
			json.append((i == 0) ? "\n" : ",\n");
			json.append("  {\"test\": ")
				.append(quote(entry.test()))
				.append(", \"type\": ")
				.append(quote(entry.type()))
				.append(", \"fingerprint\": ")
				.append(quote(entry.fingerprint()))
				.append(", \"callSite\": ")
				.append(quote(entry.callSite()))
				.append('}');
		}
		json.append(sorted.isEmpty() ? "]}\n" : "\n]}\n");
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, json, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write QueryLens baseline " + file, ex);
		}
	}

	private static String required(Map<?, ?> entry, String key) {
		String value = text(entry, key);
		if (value == null) {
			throw new IllegalArgumentException("a finding has no \"" + key + "\"");
		}
		return value;
	}

	private static String text(Map<?, ?> entry, String key) {
		Object value = entry.get(key);
		return (value != null) ? value.toString() : null;
	}

	private static String quote(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * Reads the JSON subset a baseline uses: objects, arrays, strings, numbers, booleans
	 * and null.
	 */
	private static final class JsonReader {

		private final String text;

		private int pos;

		JsonReader(String text) {
			this.text = text;
		}

		Object readDocument() {
			Object value = readValue();
			skipWhitespace();
			if (this.pos != this.text.length()) {
				throw error("unexpected text after the document");
			}
			return value;
		}

		private Object readValue() {
			skipWhitespace();
			if (this.pos >= this.text.length()) {
				throw error("unexpected end");
			}
			char c = this.text.charAt(this.pos);
			return switch (c) {
				case '{' -> readObject();
				case '[' -> readArray();
				case '"' -> readString();
				default -> readLiteral();
			};
		}

		private Map<String, Object> readObject() {
			Map<String, Object> map = new LinkedHashMap<>();
			this.pos++;
			skipWhitespace();
			if (peek() == '}') {
				this.pos++;
				return map;
			}
			while (true) {
				skipWhitespace();
				if (peek() != '"') {
					throw error("expected a name");
				}
				String name = readString();
				skipWhitespace();
				expect(':');
				map.put(name, readValue());
				skipWhitespace();
				if (peek() == ',') {
					this.pos++;
				}
				else {
					expect('}');
					return map;
				}
			}
		}

		private List<Object> readArray() {
			List<Object> list = new ArrayList<>();
			this.pos++;
			skipWhitespace();
			if (peek() == ']') {
				this.pos++;
				return list;
			}
			while (true) {
				list.add(readValue());
				skipWhitespace();
				if (peek() == ',') {
					this.pos++;
				}
				else {
					expect(']');
					return list;
				}
			}
		}

		private String readString() {
			StringBuilder value = new StringBuilder();
			this.pos++;
			while (this.pos < this.text.length()) {
				char c = this.text.charAt(this.pos++);
				if (c == '"') {
					return value.toString();
				}
				if (c != '\\') {
					value.append(c);
					continue;
				}
				if (this.pos >= this.text.length()) {
					break;
				}
				char escaped = this.text.charAt(this.pos++);
				switch (escaped) {
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					case 'u' -> {
						if (this.pos + 4 > this.text.length()) {
							throw error("bad \\u escape");
						}
						value.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
						this.pos += 4;
					}
					default -> value.append(escaped);
				}
			}
			throw error("unterminated string");
		}

		private Object readLiteral() {
			int start = this.pos;
			while (this.pos < this.text.length() && ",}] \t\r\n".indexOf(this.text.charAt(this.pos)) < 0) {
				this.pos++;
			}
			String literal = this.text.substring(start, this.pos);
			return switch (literal) {
				case "null" -> null;
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> {
					try {
						yield Double.valueOf(literal);
					}
					catch (NumberFormatException ex) {
						throw error("unexpected '" + literal + "'");
					}
				}
			};
		}

		private char peek() {
			return (this.pos < this.text.length()) ? this.text.charAt(this.pos) : '\0';
		}

		private void expect(char c) {
			if (peek() != c) {
				throw error("expected '" + c + "'");
			}
			this.pos++;
		}

		private void skipWhitespace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		private IllegalArgumentException error(String message) {
			return new IllegalArgumentException(message + " at character " + this.pos);
		}

	}

}
