package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the detectors read from a {@link SqlFingerprint}: the kind of statement, the table
 * it writes, its top-level clauses. Approximates a parser by scanning words outside
 * parentheses; gives {@code null} or {@code false} rather than guess when the statement
 * is not of a shape it knows.
 */
final class SqlShape {

	private SqlShape() {
	}

	/**
	 * Whether a fingerprint reads rows: a {@code SELECT}, or a {@code WITH} that ends in
	 * one.
	 * @param fingerprint the fingerprint
	 * @return whether it is a read
	 */
	static boolean isRead(String fingerprint) {
		return NPlusOneDetector.isRead(fingerprint);
	}

	/**
	 * Whether the top-level query bounds its rows: {@code LIMIT}, {@code OFFSET},
	 * {@code FETCH FIRST/NEXT}, {@code SELECT TOP} or {@code ROWNUM}. A limit inside a
	 * sub-query does not bound the outer query.
	 * @param fingerprint the fingerprint
	 * @return whether the number of rows is bounded by the statement itself
	 */
	static boolean isLimited(String fingerprint) {
		List<String> words = topLevelWords(fingerprint);
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.equals("limit") || word.equals("offset") || word.equals("rownum")) {
				return true;
			}
			if (word.equals("fetch") && i + 1 < words.size()
					&& (words.get(i + 1).equals("first") || words.get(i + 1).equals("next"))) {
				return true;
			}
			if (word.equals("top") && i > 0
					&& (words.get(i - 1).equals("select") || words.get(i - 1).equals("distinct"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the table a single-row write targets: {@code insert into T},
	 * {@code update T}, {@code delete from T}.
	 * @param fingerprint the fingerprint
	 * @return the table name as written, or {@code null} when the statement is not such a
	 * write
	 */
	static String writtenTable(String fingerprint) {
		// Read in place: detectors ask this of every statement, and splitting copied the
		// rest of the text each time.
		if (fingerprint.startsWith("insert into ")) {
			return wordAt(fingerprint, "insert into ".length());
		}
		if (fingerprint.startsWith("update ")) {
			return wordAt(fingerprint, "update ".length());
		}
		if (fingerprint.startsWith("delete from ")) {
			return wordAt(fingerprint, "delete from ".length());
		}
		return null;
	}

	// The bare word that starts at this position, up to the next space.
	private static String wordAt(String fingerprint, int start) {
		int end = fingerprint.indexOf(' ', start);
		return bare(fingerprint.substring(start, (end >= 0) ? end : fingerprint.length()));
	}

	/**
	 * Returns a name without quotes, schema or trailing punctuation, lower-cased.
	 * @param name the name as written
	 * @return the bare name
	 */
	static String bare(String name) {
		String bare = name;
		int paren = bare.indexOf('(');
		if (paren >= 0) {
			bare = bare.substring(0, paren);
		}
		int dot = bare.lastIndexOf('.');
		if (dot >= 0) {
			bare = bare.substring(dot + 1);
		}
		bare = bare.replace("\"", "").replace("`", "").replace(",", "");
		return bare.toLowerCase(Locale.ROOT);
	}

	// The words of the statement outside parentheses, split on spaces.
	static List<String> topLevelWords(String fingerprint) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < fingerprint.length(); i++) {
			char c = fingerprint.charAt(i);
			if (c == '(') {
				if (depth == 0 && word.length() > 0) {
					words.add(word.toString());
					word.setLength(0);
				}
				depth++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
			}
			else if (depth == 0) {
				if (c == ' ' || c == ',') {
					if (word.length() > 0) {
						words.add(word.toString());
						word.setLength(0);
					}
				}
				else {
					word.append(c);
				}
			}
		}
		if (word.length() > 0) {
			words.add(word.toString());
		}
		return words;
	}

}
