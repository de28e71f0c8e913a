package dev.querylens.web.dashboard;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the toolbar's JSON: records (by their components, in order), maps, collections,
 * strings, numbers, booleans and {@code null}. The starter's own small writer, so that
 * the toolbar needs no JSON library from the app; {@code <}, {@code >} and {@code &} are
 * escaped, so the output is safe anywhere in a page.
 */
final class JsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonWriter() {
	}

	/**
	 * Writes a value as JSON.
	 * @param value the value
	 * @return the JSON text
	 */
	static String write(Object value) {
		StringBuilder json = new StringBuilder(256);
		write(value, json);
		return json.toString();
	}

	private static void write(Object value, StringBuilder json) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof CharSequence text) {
			string(text, json);
		}
		else if (value instanceof Double number) {
			json.append((number.isNaN() || number.isInfinite()) ? "null" : number.toString());
		}
		else if (value instanceof Float number) {
			write(number.doubleValue(), json);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(first ? "" : ",");
				first = false;
				string(String.valueOf(entry.getKey()), json);
				json.append(':');
				write(entry.getValue(), json);
			}
			json.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			json.append('[');
			boolean first = true;
			for (Object element : collection) {
				json.append(first ? "" : ",");
				first = false;
				write(element, json);
			}
			json.append(']');
		}
		else if (value instanceof Record record) {
			json.append('{');
			boolean first = true;
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				json.append(first ? "" : ",");
				first = false;
				string(component.getName(), json);
				json.append(':');
				try {
					write(component.getAccessor().invoke(record), json);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("Cannot read " + component, ex);
				}
			}
			json.append('}');
		}
		else {
			string(value.toString(), json);
		}
	}

	private static void string(CharSequence text, StringBuilder json) {
		json.append('"');
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						unicodeEscape(c, json);
					}
					else if (Character.isHighSurrogate(c) && i + 1 < length
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						json.append(c).append(text.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						// Alone it has no UTF-8 form and would become '?': escaped, it
						// survives as it was.
						unicodeEscape(c, json);
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	// Written from a table: formatting each one allocated, and 10 MB of '<' took seconds.
	private static void unicodeEscape(char c, StringBuilder json) {
		json.append('\\')
			.append('u')
			.append(HEX[(c >> 12) & 0xF])
			.append(HEX[(c >> 8) & 0xF])
			.append(HEX[(c >> 4) & 0xF])
			.append(HEX[c & 0xF]);
	}

}
