package dev.querylens.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * The shape of a SQL statement, so that statements differing only in their values share
 * one key: approximates pg_stat_statements' normalisation on the tokens of
 * {@link SqlLexer} instead of a parser.
 * <p>
 * String, numeric, boolean, hex and {@code NULL} literals and PostgreSQL {@code $1}
 * placeholders become {@code ?}; an {@code IN (?, ?, …)} list of any length becomes
 * {@code in (?)}; rows of a multi-row {@code VALUES} that repeat the first row's shape
 * are dropped; comments ({@code --}, {@code /* *}{@code /}, MySQL {@code #}) are removed;
 * whitespace is collapsed; unquoted words are lower-cased (SQL folds them anyway), while
 * {@code "quoted"} and {@code `backticked`} identifiers and {@code ::casts} are kept as
 * written. Plain strings follow the SQL standard ({@code ''} escapes, backslash is an
 * ordinary character); {@code E'…'} strings also honour backslash escapes. {@code #}
 * starts a comment unless followed by {@code >} or {@code -}, which are PostgreSQL JSON
 * operators. {@code IS [NOT] NULL/TRUE/FALSE} are kept, since they are tests rather than
 * values.
 * <p>
 * Never throws: unterminated quotes and comments run to the end of the input, and
 * {@code null} gives the empty string. Runs in time linear in the input.
 */
public final class SqlFingerprint {

	// Words after which a '-' directly before a digit is a sign, not a subtraction.
	private static final Set<String> SIGN_CONTEXT = Set.of("select", "where", "and", "or", "not", "when", "then",
			"else", "in", "values", "by", "like", "between", "is", "case", "on", "having", "return", "limit", "offset",
			"set", "as");

	private final String sql;

	private final int length;

	private final StringBuilder out;

	// Whether whitespace or a comment was seen since the last token.
	private boolean pendingSpace;

	private char lastChar;

	private String lastWord;

	private String wordBeforeLast;

	private boolean lastWasOperand;

	private int depth;

	private int inListStart = -1;

	private int inListDepth;

	private ValuesState valuesState = ValuesState.NONE;

	private int valuesDepth;

	private int rowStart;

	private int rowSeparatorStart;

	private String firstRow;

	private SqlFingerprint(String sql) {
		this.sql = sql;
		this.length = sql.length();
		this.out = new StringBuilder(Math.min(this.length, 1 << 16));
	}

	/**
	 * Returns the fingerprint of a statement.
	 * @param sql the statement, may be {@code null}
	 * @return its fingerprint, never {@code null}
	 */
	public static String of(String sql) {
		if (sql == null || sql.isEmpty()) {
			return "";
		}
		return new SqlFingerprint(sql).run();
	}

	private String run() {
		SqlLexer lexer = new SqlLexer(this.sql, SqlLexer.Rules.FINGERPRINT);
		while (lexer.next()) {
			switch (lexer.type()) {
				case SPACE, COMMENT -> this.pendingSpace = true;
				case STRING, NUMBER, PARAMETER -> value();
				case QUOTED_NAME -> token(lexer.text(), true);
				case WORD -> word(lexer);
				case SYMBOL -> {
					char c = lexer.first();
					// A '-' directly before a number, where a sign can stand, folds into
					// the number's '?'.
					if (!(c == '-' && startsNumber(lexer.end()) && isSignContext())) {
						punctuation(c);
					}
				}
			}
		}
		return this.out.toString();
	}

	private boolean startsNumber(int at) {
		char c = charAt(at);
		return isDigit(c) || (c == '.' && isDigit(charAt(at + 1)));
	}

	private char charAt(int at) {
		return (at < this.length) ? this.sql.charAt(at) : '\0';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private boolean isSignContext() {
		if (this.out.length() == 0) {
			return true;
		}
		return (this.lastWord != null) ? SIGN_CONTEXT.contains(this.lastWord) : !this.lastWasOperand;
	}

	private void word(SqlLexer lexer) {
		String word = lexer.text().toLowerCase(Locale.ROOT);
		// IS [NOT] NULL is a test, not a value.
		boolean afterIs = "is".equals(this.lastWord)
				|| ("not".equals(this.lastWord) && "is".equals(this.wordBeforeLast));
		if (!afterIs && (word.equals("null") || word.equals("true") || word.equals("false"))) {
			value();
			return;
		}
		token(word, true);
		this.lastWord = word;
		if (word.equals("values") || word.equals("value")) {
			this.valuesState = ValuesState.EXPECT_FIRST_ROW;
			this.valuesDepth = this.depth;
		}
	}

	private void value() {
		token("?", true);
	}

	private void punctuation(char c) {
		switch (c) {
			case '(' -> {
				boolean afterIn = "in".equals(this.lastWord);
				token("(", false);
				this.depth++;
				if (afterIn) {
					this.inListStart = this.out.length() - 1;
					this.inListDepth = this.depth;
				}
				if (this.depth == this.valuesDepth + 1 && (this.valuesState == ValuesState.EXPECT_FIRST_ROW
						|| this.valuesState == ValuesState.EXPECT_NEXT_ROW)) {
					this.rowStart = this.out.length() - 1;
				}
			}
			case ')' -> {
				token(")", true);
				if (this.inListStart >= 0 && this.depth == this.inListDepth) {
					this.out.setLength(this.inListStart);
					this.out.append("(?)");
					this.inListStart = -1;
				}
				this.depth = Math.max(0, this.depth - 1);
				if (this.depth == this.valuesDepth) {
					if (this.valuesState == ValuesState.EXPECT_FIRST_ROW) {
						this.firstRow = this.out.substring(this.rowStart);
						this.valuesState = ValuesState.AFTER_ROW;
					}
					else if (this.valuesState == ValuesState.EXPECT_NEXT_ROW) {
						if (endsWith(this.rowStart, this.firstRow)) {
							this.out.setLength(this.rowSeparatorStart);
						}
						this.valuesState = ValuesState.AFTER_ROW;
					}
				}
			}
			case ',' -> {
				int before = this.out.length();
				token(",", false);
				if (this.valuesState == ValuesState.AFTER_ROW && this.depth == this.valuesDepth) {
					this.rowSeparatorStart = before;
					this.valuesState = ValuesState.EXPECT_NEXT_ROW;
				}
			}
			default -> token(String.valueOf(c), false);
		}
	}

	private boolean endsWith(int from, String text) {
		if (text == null || this.out.length() - from != text.length()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (this.out.charAt(from + i) != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private void token(String text, boolean operand) {
		char first = text.charAt(0);
		if (this.pendingSpace && this.out.length() > 0 && this.lastChar != '(' && first != ')' && first != ',') {
			this.out.append(' ');
		}
		this.pendingSpace = false;
		// Inside an IN list only placeholders and commas keep it foldable.
		if (this.inListStart >= 0 && this.depth == this.inListDepth && first != '?' && first != ',' && first != ')') {
			this.inListStart = -1;
		}
		if (this.depth == this.valuesDepth) {
			if ((this.valuesState == ValuesState.EXPECT_FIRST_ROW || this.valuesState == ValuesState.EXPECT_NEXT_ROW)
					&& first != '(') {
				this.valuesState = ValuesState.NONE;
			}
			else if (this.valuesState == ValuesState.AFTER_ROW && first != ',') {
				this.valuesState = ValuesState.NONE;
			}
		}
		this.out.append(text);
		this.lastChar = text.charAt(text.length() - 1);
		this.lastWasOperand = operand;
		this.wordBeforeLast = this.lastWord;
		this.lastWord = null;
	}

	private enum ValuesState {

		NONE, EXPECT_FIRST_ROW, AFTER_ROW, EXPECT_NEXT_ROW

	}

}
