package dev.querylens.analysis;

import java.util.Locale;

/**
 * What a statement does, read from its {@link SqlFingerprint}: the first of
 * {@code select}, {@code insert}, {@code update}, {@code delete} outside parentheses, so
 * that {@code WITH … SELECT} is a select, {@code WITH … INSERT} an insert and
 * {@code SELECT … FOR UPDATE} a select. Approximates a parser: a statement with none of
 * those words at its top level (DDL, {@code CALL}, {@code SET}, {@code MERGE}) is
 * {@link #OTHER}.
 */
public enum StatementType {

	/** A query: {@code SELECT}, {@code WITH … SELECT}, {@code VALUES}, {@code TABLE}. */
	SELECT,

	/** {@code INSERT}, {@code REPLACE}. */
	INSERT,

	/** {@code UPDATE}. */
	UPDATE,

	/** {@code DELETE}. */
	DELETE,

	/** Anything else. */
	OTHER;

	/**
	 * Classifies a statement by its fingerprint.
	 * @param fingerprint the fingerprint, as {@link SqlFingerprint#of} returns it
	 * (lower-case, no comments)
	 * @return the type, {@link #OTHER} when none is recognised
	 */
	public static StatementType ofFingerprint(String fingerprint) {
		if (fingerprint == null || fingerprint.isEmpty()) {
			return OTHER;
		}
		StatementType first = null;
		int depth = 0;
		int length = fingerprint.length();
		int i = 0;
		while (i < length) {
			char c = fingerprint.charAt(i);
			if (c == '(') {
				depth++;
				i++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
				i++;
			}
			else if (c == '"' || c == '`') {
				int end = fingerprint.indexOf(c, i + 1);
				i = (end < 0) ? length : end + 1;
			}
			else if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < length
						&& (Character.isLetterOrDigit(fingerprint.charAt(i)) || fingerprint.charAt(i) == '_')) {
					i++;
				}
				StatementType type = ofKeyword(fingerprint.substring(start, i));
				if (type != null) {
					if (depth == 0) {
						return type;
					}
					if (first == null) {
						first = type;
					}
				}
				else if (start == 0 && !fingerprint.startsWith("with")) {
					// A statement opens with its verb; any other first word (call, set,
					// create, merge) is not a query.
					return OTHER;
				}
			}
			else {
				i++;
			}
		}
		// Only parenthesised statements, such as (select …) union (select …).
		return (first != null) ? first : OTHER;
	}

	/**
	 * Classifies a statement by its SQL.
	 * @param sql the SQL, may be {@code null}
	 * @return the type
	 */
	public static StatementType ofSql(String sql) {
		return ofFingerprint(SqlFingerprint.of(sql));
	}

	private static StatementType ofKeyword(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "select", "values", "table" -> SELECT;
			case "insert", "replace" -> INSERT;
			case "update" -> UPDATE;
			case "delete" -> DELETE;
			default -> null;
		};
	}

}
