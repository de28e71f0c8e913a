package dev.querylens.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the toolbar's JSON: records (by their components, in order), maps, collections, strings, numbers,
 * booleans and {@code null}. The starter's own small writer, so that the toolbar needs no JSON library from the
 * app; {@code <}, {@code >} and {@code &} are escaped, so the output is safe anywhere in a page.
 */
final class JsonWriter {

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
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
