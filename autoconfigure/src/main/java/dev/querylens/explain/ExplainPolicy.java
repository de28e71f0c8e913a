package dev.querylens.explain;

import java.util.Locale;
import java.util.Set;

import dev.querylens.analysis.SqlLexer;
import dev.querylens.analysis.SqlLexer.Rules;

/**
 * Decides whether a statement may be explained: exactly one {@code SELECT} (or
 * {@code WITH … SELECT}) that writes nothing, as every reading of the database's
 * {@link SqlDialect} sees it. Refused: a {@code ;} anywhere outside quotes and comments
 * (so no second statement), any word that writes, locks or controls a transaction
 * ({@code INTO}, a data-modifying {@code WITH}, {@code COMMIT}, {@code ROLLBACK},
 * {@code BEGIN}, {@code SAVEPOINT}, {@code SET TRANSACTION}, an {@code END} that closes
 * no {@code CASE}, …), JDBC escapes ({@code {call …}}), and anything the lexer finds
 * unterminated or doubtful. {@code FOR UPDATE}, {@code FOR NO KEY UPDATE} and
 * {@code LOCK IN SHARE MODE} are allowed: EXPLAIN plans a statement without running it,
 * so it takes no lock.
 * <p>
 * Decides on the lexer's tokens in one pass, so the time is linear in the statement
 * (times the dialect's readings).
 */
public final class ExplainPolicy {

	private static final Set<String> REFUSED_WORDS = Set.of("insert", "delete", "merge", "upsert", "into", "call",
			"exec", "execute", "create", "drop", "alter", "truncate", "grant", "revoke", "copy", "set", "load",
			"handler", "do", "commit", "rollback", "begin", "savepoint", "release", "transaction", "abort", "xa",
			"prepare");

	private ExplainPolicy() {
	}

	/**
	 * Whether a statement may be explained on a database.
	 * @param sql the statement exactly as recorded
	 * @param dialect the database's dialect
	 * @return whether it is a single SELECT that writes nothing
	 */
	public static boolean isSingleSelect(CharSequence sql, SqlDialect dialect) {
		return refusal(sql, dialect) == null;
	}

	/**
	 * Returns why a statement may not be explained on a database.
	 * @param sql the statement exactly as recorded
	 * @param dialect the database's dialect
	 * @return the reason, or {@code null} when it may be explained
	 */
	public static String refusal(CharSequence sql, SqlDialect dialect) {
		if (sql == null) {
			return "there is no statement";
		}
		for (Rules rules : dialect.readings()) {
			String refusal = refusal(sql, rules);
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	/**
	 * Returns why a statement may not run (again, or under EXPLAIN ANALYZE) on a
	 * database: the rules of {@link #refusal(CharSequence, SqlDialect)}, and no locking
	 * clause ({@code FOR UPDATE}, {@code FOR SHARE}, {@code LOCK IN SHARE MODE}), since a
	 * statement that runs takes its locks.
	 * @param sql the statement exactly as recorded
	 * @param dialect the database's dialect
	 * @return the reason, or {@code null} when it may run
	 */
	public static String runRefusal(CharSequence sql, SqlDialect dialect) {
		String refusal = refusal(sql, dialect);
		if (refusal != null) {
			return refusal;
		}
		for (Rules rules : dialect.readings()) {
			SqlLexer lexer = new SqlLexer(sql, rules);
			String last = null;
			while (lexer.next()) {
				if (lexer.type() != SqlLexer.Token.WORD) {
					continue;
				}
				String word = lexer.text().toLowerCase(Locale.ROOT);
				if (word.equals("lock") || ((word.equals("update") || word.equals("share"))
						&& ("for".equals(last) || "key".equals(last)))) {
					return "it locks rows";
				}
				last = word;
			}
		}
		return null;
	}

	private static String refusal(CharSequence sql, Rules rules) {
		SqlLexer lexer = new SqlLexer(sql, rules);
		boolean first = true;
		boolean select = false;
		boolean afterLock = false;
		int openCases = 0;
		// The three words before this one, lower-cased, for FOR [NO KEY] UPDATE.
		String last = null;
		String beforeLast = null;
		String third = null;
		while (lexer.next()) {
			if (lexer.isUnterminated()) {
				return "a string, name or comment is not closed";
			}
			if (lexer.isDoubtful()) {
				return "the database may read `" + shortText(lexer) + "` otherwise";
			}
			SqlLexer.Token type = lexer.type();
			if (type == SqlLexer.Token.SPACE || type == SqlLexer.Token.COMMENT) {
				continue;
			}
			if (type == SqlLexer.Token.SYMBOL) {
				char c = lexer.first();
				if (c == ';') {
					return "it holds more than one statement";
				}
				if (c == '{' || c == '}') {
					return "it holds a JDBC escape";
				}
			}
			if (first && !(lexer.isWord("select") || lexer.isWord("with"))) {
				return "it is not a SELECT";
			}
			first = false;
			if (type != SqlLexer.Token.WORD) {
				continue;
			}
			String word = lexer.text().toLowerCase(Locale.ROOT);
			if (afterLock && !word.equals("in")) {
				return "it locks";
			}
			afterLock = false;
			switch (word) {
				case "select" -> select = true;
				case "case" -> openCases++;
				case "end" -> {
					if (openCases == 0) {
						return "it ends a transaction";
					}
					openCases--;
				}
				case "update" -> {
					boolean forUpdate = "for".equals(last)
							|| ("key".equals(last) && "no".equals(beforeLast) && "for".equals(third));
					if (!forUpdate) {
						return "it writes (update)";
					}
				}
				case "lock" -> afterLock = true;
				default -> {
					if (REFUSED_WORDS.contains(word)) {
						return "it writes or controls a transaction (" + word + ")";
					}
				}
			}
			third = beforeLast;
			beforeLast = last;
			last = word;
		}
		if (first) {
			return "there is no statement";
		}
		if (afterLock) {
			return "it locks";
		}
		return select ? null : "it is not a SELECT";
	}

	private static String shortText(SqlLexer lexer) {
		int end = Math.min(lexer.end(), lexer.start() + 20);
		return lexer.text().substring(0, end - lexer.start());
	}

}
