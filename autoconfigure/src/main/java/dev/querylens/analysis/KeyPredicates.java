package dev.querylens.analysis;

import java.util.function.BiFunction;

/**
 * Finds the key predicates of a loader's fingerprint: {@code [qualifier.]column} followed
 * by {@code = ?}, {@code in (?)} or {@code = any (?)}. A hand-written scan rather than a
 * regular expression, which backtracked over every start inside a long name and took
 * quadratic time: each character is read a bounded number of times (its name once, a dot
 * and the operator after a name once more), so the work is linear in the text.
 */
final class KeyPredicates {

	private KeyPredicates() {
	}

	/**
	 * Returns the first non-{@code null} answer for the key predicates of a text, in
	 * order.
	 * @param <T> the type of answer
	 * @param text the fingerprint
	 * @param from where to start, such as just after {@code where}
	 * @param match given the qualifier (or {@code null}) and the column as written,
	 * answers or returns {@code null} to go on
	 * @return the first answer, or {@code null}
	 */
	static <T> T first(CharSequence text, int from, BiFunction<String, String, T> match) {
		int length = text.length();
		int previousStart = -1;
		int previousEnd = -1;
		int i = from;
		while (i < length) {
			if (!isNameChar(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < length && isNameChar(text.charAt(i))) {
				i++;
			}
			int end = operatorEnd(text, i);
			if (end >= 0) {
				boolean qualified = previousEnd == start - 1 && previousEnd >= 0 && text.charAt(previousEnd) == '.';
				String qualifier = qualified ? text.subSequence(previousStart, previousEnd).toString() : null;
				T answer = match.apply(qualifier, text.subSequence(start, i).toString());
				if (answer != null) {
					return answer;
				}
				i = end;
				previousEnd = -1;
			}
			else {
				previousStart = start;
				previousEnd = i;
			}
		}
		return null;
	}

	// The end of "= ?", "in (?)" or "= any (?)" (each space optional but that of "in
	// (?)"), or -1.
	private static int operatorEnd(CharSequence text, int at) {
		int p = (at < text.length() && text.charAt(at) == ' ') ? at + 1 : at;
		if (p < text.length() && text.charAt(p) == '=') {
			p = skipSpace(text, p + 1);
			if (p < text.length() && text.charAt(p) == '?') {
				return p + 1;
			}
			if (startsWith(text, p, "any")) {
				p = skipSpace(text, p + 3);
				return startsWith(text, p, "(?)") ? p + 3 : -1;
			}
			return -1;
		}
		return startsWith(text, p, "in (?)") ? p + 6 : -1;
	}

	private static int skipSpace(CharSequence text, int at) {
		return (at < text.length() && text.charAt(at) == ' ') ? at + 1 : at;
	}

	private static boolean startsWith(CharSequence text, int at, String word) {
		if (at + word.length() > text.length()) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			if (text.charAt(at + i) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	// The characters of a name in a fingerprint: \w, '$' and the quotes of quoted names.
	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
				|| c == '"' || c == '`';
	}

}
