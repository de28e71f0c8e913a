package dev.querylens.analysis;

/**
 * Splits SQL text into tokens, one at a time, under a set of {@link Rules} that say how a
 * database reads quotes, comments and dollar signs: the one lexer QueryLens has, used by
 * {@link SqlFingerprint} (with {@link Rules#FINGERPRINT}) and by the EXPLAIN policy (with
 * each database's rules).
 * <p>
 * Reads each character a bounded number of times, so it runs in time linear in the input,
 * allocates nothing per token, and never throws: an unterminated string, quoted name or
 * comment runs to the end and is marked {@link #isUnterminated() unterminated}; a
 * construct the rules say the database may read in more than one way (a MySQL {@code /*!}
 * comment whose text runs, a {@code #} where it is not known to be an operator or a
 * comment) is marked {@link #isDoubtful() doubtful}, so that a caller who must be sure
 * can refuse it.
 */
public final class SqlLexer {

	private final CharSequence sql;

	private final int length;

	private final Rules rules;

	private Token type;

	private int start;

	private int end;

	private boolean unterminated;

	private boolean doubtful;

	/**
	 * Creates a lexer positioned before the first token.
	 * @param sql the text
	 * @param rules how the database reads it
	 */
	public SqlLexer(CharSequence sql, Rules rules) {
		this.sql = sql;
		this.length = sql.length();
		this.rules = rules;
	}

	/**
	 * Moves to the next token.
	 * @return {@code false} at the end of the text
	 */
	public boolean next() {
		this.start = this.end;
		this.unterminated = false;
		this.doubtful = false;
		if (this.start >= this.length) {
			this.type = null;
			return false;
		}
		int i = this.start;
		char c = this.sql.charAt(i);
		if (Character.isWhitespace(c)) {
			i++;
			while (i < this.length && Character.isWhitespace(this.sql.charAt(i))) {
				i++;
			}
			return token(Token.SPACE, i);
		}
		char next = at(i + 1);
		if (c == '-' && next == '-' && (!this.rules.dashDashNeedsSpace() || isCommentSpace(at(i + 2), i + 2))) {
			return lineComment(i + 2);
		}
		if (c == '/' && next == '/' && this.rules.slashSlashComments()) {
			return lineComment(i + 2);
		}
		if (c == '#') {
			switch (this.rules.hash()) {
				case COMMENT -> {
					return lineComment(i + 1);
				}
				case COMMENT_UNLESS_JSON_OPERATOR -> {
					if (next != '>' && next != '-') {
						return lineComment(i + 1);
					}
				}
				case DOUBTFUL -> this.doubtful = true;
				case OPERATOR -> {
				}
			}
			return token(Token.SYMBOL, i + 1);
		}
		if (c == '/' && next == '*') {
			return blockComment(i);
		}
		if (c == '\'') {
			return token(Token.STRING, endOfString(i + 1, '\'', this.rules.backslashEscapes()));
		}
		if (c == '"') {
			return this.rules.doubleQuotedStrings()
					? token(Token.STRING, endOfString(i + 1, '"', this.rules.backslashEscapes()))
					: token(Token.QUOTED_NAME, endOfString(i + 1, '"', false));
		}
		if (c == '`') {
			this.doubtful = !this.rules.backticks();
			return token(Token.QUOTED_NAME, endOfString(i + 1, '`', false));
		}
		if (c == '$') {
			return dollar(i);
		}
		if (isDigit(c) || (c == '.' && isDigit(next))) {
			return token(Token.NUMBER, endOfNumber(i));
		}
		if (Character.isLetter(c) || c == '_') {
			return word(i);
		}
		return token(Token.SYMBOL, i + 1);
	}

	/**
	 * Returns the current token's type.
	 * @return the type, or {@code null} before the first and after the last token
	 */
	public Token type() {
		return this.type;
	}

	/**
	 * Returns where the current token starts.
	 * @return the index of its first character
	 */
	public int start() {
		return this.start;
	}

	/**
	 * Returns where the current token ends.
	 * @return the index after its last character
	 */
	public int end() {
		return this.end;
	}

	/**
	 * Returns the current token's first character.
	 * @return the character
	 */
	public char first() {
		return this.sql.charAt(this.start);
	}

	/**
	 * Returns the current token's text.
	 * @return the text, as written
	 */
	public String text() {
		return this.sql.subSequence(this.start, this.end).toString();
	}

	/**
	 * Whether the current token is a word equal to {@code word}, ignoring case.
	 * @param word a lower-case word
	 * @return whether it is that word
	 */
	public boolean isWord(String word) {
		if (this.type != Token.WORD || this.end - this.start != word.length()) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			if (Character.toLowerCase(this.sql.charAt(this.start + k)) != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the current string, quoted name or comment runs to the end of the text
	 * without its closing mark.
	 * @return whether it is unterminated
	 */
	public boolean isUnterminated() {
		return this.unterminated;
	}

	/**
	 * Whether the database may read the current token otherwise than these rules do.
	 * @return whether it is doubtful
	 */
	public boolean isDoubtful() {
		return this.doubtful;
	}

	private boolean token(Token type, int end) {
		this.type = type;
		this.end = end;
		return true;
	}

	private char at(int index) {
		return (index < this.length) ? this.sql.charAt(index) : '\0';
	}

	private boolean isCommentSpace(char c, int index) {
		// MySQL and MariaDB read "--" as a comment only before a space or control
		// character ("1--1" is 1 - -1).
		return index >= this.length || c <= ' ';
	}

	private boolean lineComment(int from) {
		int i = from;
		while (i < this.length) {
			char c = this.sql.charAt(i);
			if (c == '\n') {
				break;
			}
			if (c == '\r') {
				// PostgreSQL and H2 end a line comment at a carriage return, MySQL and
				// MariaDB do not.
				if (this.rules.carriageReturnIsDoubtful() && at(i + 1) != '\n') {
					this.doubtful = true;
				}
				if (this.rules.carriageReturnEndsComments()) {
					break;
				}
			}
			i++;
		}
		return token(Token.COMMENT, i);
	}

	private boolean blockComment(int from) {
		char third = at(from + 2);
		if (this.rules.executableComments() && (third == '!' || (third == 'M' && at(from + 3) == '!'))) {
			this.doubtful = true;
		}
		int depth = 1;
		int i = from + 2;
		while (i < this.length) {
			char c = this.sql.charAt(i);
			if (c == '*' && at(i + 1) == '/') {
				i += 2;
				if (--depth == 0) {
					return token(Token.COMMENT, i);
				}
			}
			else if (c == '/' && at(i + 1) == '*' && this.rules.nestedComments()) {
				depth++;
				i += 2;
			}
			else {
				i++;
			}
		}
		this.unterminated = true;
		return token(Token.COMMENT, this.length);
	}

	// Returns the index after the closing quote of a string or name whose body starts at
	// from.
	private int endOfString(int from, char quote, boolean backslashEscapes) {
		int i = from;
		while (i < this.length) {
			char c = this.sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (at(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		this.unterminated = true;
		return this.length;
	}

	private boolean dollar(int from) {
		if (this.rules.dollarParameters() && isDigit(at(from + 1))) {
			int i = from + 1;
			while (i < this.length && isDigit(this.sql.charAt(i))) {
				i++;
			}
			return token(Token.PARAMETER, i);
		}
		if (this.rules.dollar() == Dollar.WORD) {
			return word(from);
		}
		if (this.rules.dollar() != Dollar.SYMBOL) {
			int i = from + 1;
			while (i < this.length && isTagPart(this.sql.charAt(i), i == from + 1)) {
				i++;
			}
			if (i < this.length && this.sql.charAt(i) == '$') {
				if (i > from + 1 && this.rules.dollar() == Dollar.QUOTE_UNTAGGED) {
					// H2 knows $$…$$ only; what it makes of $tag$ is not known here.
					this.doubtful = true;
					return token(Token.SYMBOL, from + 1);
				}
				return token(Token.STRING, endOfDollarQuote(from, i + 1));
			}
		}
		return token(Token.SYMBOL, from + 1);
	}

	// Returns the index after the closing tag of a dollar quote whose tag is
	// sql[tagStart, bodyStart).
	private int endOfDollarQuote(int tagStart, int bodyStart) {
		int tagLength = bodyStart - tagStart;
		int i = bodyStart;
		while (i < this.length) {
			if (this.sql.charAt(i) == '$' && i + tagLength <= this.length && sameText(tagStart, i, tagLength)) {
				return i + tagLength;
			}
			i++;
		}
		this.unterminated = true;
		return this.length;
	}

	// Compares only when the character after '$' matches, so that scanning stays linear
	// for tags of any length.
	private boolean sameText(int a, int b, int count) {
		for (int k = 1; k < count; k++) {
			if (this.sql.charAt(a + k) != this.sql.charAt(b + k)) {
				return false;
			}
		}
		return true;
	}

	private int endOfNumber(int from) {
		int i = from;
		if (this.sql.charAt(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X')) {
			i += 2;
			while (i < this.length && Character.digit(this.sql.charAt(i), 16) >= 0) {
				i++;
			}
			return i;
		}
		while (i < this.length) {
			char d = this.sql.charAt(i);
			if (isDigit(d) || d == '.' || d == '_') {
				i++;
			}
			else if ((d == 'e' || d == 'E')
					&& (isDigit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2))))) {
				i += 2;
			}
			else {
				break;
			}
		}
		return i;
	}

	private boolean word(int from) {
		int i = from + 1;
		while (i < this.length && isWordPart(this.sql.charAt(i))) {
			i++;
		}
		if (i - from == 1 && at(i) == '\'') {
			char prefix = Character.toLowerCase(this.sql.charAt(from));
			boolean escapes = prefix == 'e' && this.rules.escapeStrings();
			if (prefix == 'e' || prefix == 'n' || prefix == 'x' || prefix == 'b') {
				return token(Token.STRING, endOfString(i + 1, '\'', escapes || this.rules.backslashEscapes()));
			}
		}
		return token(Token.WORD, i);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	private static boolean isTagPart(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && isDigit(c));
	}

	/**
	 * What a token is.
	 */
	public enum Token {

		/** Whitespace. */
		SPACE,

		/** A line or block comment. */
		COMMENT,

		/** An unquoted word: a keyword or a name. */
		WORD,

		/** A quoted name: {@code "name"}, {@code `name`}. */
		QUOTED_NAME,

		/**
		 * A string: {@code 'text'}, {@code E'text'}, {@code $tag$text$tag$}, MySQL's
		 * {@code "text"}.
		 */
		STRING,

		/** A number. */
		NUMBER,

		/** A numbered parameter, {@code $1}. */
		PARAMETER,

		/**
		 * Any other single character: an operator, a parenthesis, {@code ;}, {@code ?}.
		 */
		SYMBOL

	}

	/**
	 * How {@code #} is read.
	 */
	public enum Hash {

		/** Starts a line comment (MySQL, MariaDB). */
		COMMENT,

		/** An operator (PostgreSQL's bitwise XOR). */
		OPERATOR,

		/**
		 * Starts a line comment, except in PostgreSQL's {@code #>} and {@code #-} JSON
		 * operators.
		 */
		COMMENT_UNLESS_JSON_OPERATOR,

		/** Not known to be either: the token is doubtful. */
		DOUBTFUL

	}

	/**
	 * How {@code $} is read when not followed by a parameter number.
	 */
	public enum Dollar {

		/** {@code $tag$…$tag$} and {@code $$…$$} quote a string (PostgreSQL). */
		QUOTE,

		/** {@code $$…$$} quotes a string; a tagged one is doubtful (H2). */
		QUOTE_UNTAGGED,

		/** Starts a word, like a letter (MySQL, MariaDB). */
		WORD,

		/** A symbol. */
		SYMBOL

	}

	/**
	 * How a database reads quotes, comments and dollar signs.
	 *
	 * @param hash how {@code #} is read
	 * @param dollar how {@code $} is read
	 * @param dollarParameters whether {@code $1} is a parameter
	 * @param backslashEscapes whether a backslash escapes the next character in plain
	 * {@code '…'} strings
	 * @param escapeStrings whether {@code E'…'} strings honour backslash escapes
	 * @param doubleQuotedStrings whether {@code "…"} is a string (MySQL without
	 * {@code ANSI_QUOTES}) rather than a name
	 * @param backticks whether {@code `…`} quotes a name (otherwise it is doubtful)
	 * @param dashDashNeedsSpace whether {@code --} starts a comment only before a space
	 * or control character
	 * @param slashSlashComments whether {@code //} starts a line comment (H2)
	 * @param nestedComments whether {@code /*} inside a block comment opens a nested one
	 * @param executableComments whether {@code /*!…*}{@code /} holds text that runs
	 * (doubtful)
	 * @param carriageReturnEndsComments whether a lone {@code \r} ends a line comment
	 * @param carriageReturnIsDoubtful whether a lone {@code \r} in a line comment makes
	 * it doubtful
	 */
	public record Rules(Hash hash, Dollar dollar, boolean dollarParameters, boolean backslashEscapes,
			boolean escapeStrings, boolean doubleQuotedStrings, boolean backticks, boolean dashDashNeedsSpace,
			boolean slashSlashComments, boolean nestedComments, boolean executableComments,
			boolean carriageReturnEndsComments, boolean carriageReturnIsDoubtful) {

		/**
		 * What {@link SqlFingerprint} reads any database's statements with: a {@code #}
		 * comment unless a JSON operator, {@code $tag$} quotes, {@code E'…'} escapes, no
		 * nested comments.
		 */
		public static final Rules FINGERPRINT = new Rules(Hash.COMMENT_UNLESS_JSON_OPERATOR, Dollar.QUOTE, true, false,
				true, false, true, false, false, false, false, true, false);

	}

}
