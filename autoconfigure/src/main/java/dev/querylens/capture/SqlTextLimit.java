package dev.querylens.capture;

import java.util.function.UnaryOperator;

/**
 * How much of each statement's text a recording keeps. A statement longer than
 * {@code maxLength} keeps only its first {@code maxLength} characters, its full length,
 * the hash of the whole text and the fingerprint of the whole text, computed when it is
 * recorded because it cannot be computed later from what is kept. A fingerprint longer
 * than {@code maxLength} is itself cut and ends with the hash of its whole text, so that
 * statements of different shapes still have different fingerprints.
 * <p>
 * The cost for a statement within the limit is one length check.
 *
 * @param maxLength the number of characters kept of each statement, at least 1
 * @param fingerprint computes the fingerprint of a whole statement
 */
public record SqlTextLimit(int maxLength, UnaryOperator<String> fingerprint) {

	private static final SqlTextLimit NONE = new SqlTextLimit(Integer.MAX_VALUE, UnaryOperator.identity());

	/**
	 * Creates a limit.
	 * @param maxLength the number of characters kept of each statement, at least 1
	 * @param fingerprint computes the fingerprint of a whole statement
	 */
	public SqlTextLimit {
		if (maxLength < 1) {
			throw new IllegalArgumentException("'maxLength' must be at least 1, was " + maxLength);
		}
	}

	/**
	 * Returns the limit that keeps every statement whole.
	 * @return no limit
	 */
	public static SqlTextLimit none() {
		return NONE;
	}

	/**
	 * Whether a statement is longer than what is kept.
	 * @param sql the statement
	 * @return {@code true} if only its beginning is kept
	 */
	boolean cuts(String sql) {
		return sql.length() > this.maxLength;
	}

	/**
	 * Returns the beginning of a statement that is kept.
	 * @param sql a statement this limit {@link #cuts}
	 * @return its first {@code maxLength} characters, one fewer rather than half a
	 * surrogate pair
	 */
	String kept(String sql) {
		int end = Character.isHighSurrogate(sql.charAt(this.maxLength - 1)) ? this.maxLength - 1 : this.maxLength;
		return sql.substring(0, end);
	}

	/**
	 * Returns the fingerprint of a whole statement, cut like a statement when it is
	 * longer than {@code maxLength}.
	 * @param sql the whole statement
	 * @return its fingerprint, at most {@code maxLength} characters and a hash, or
	 * {@code null} when it could not be taken (analysis then fingerprints the text kept)
	 */
	String fingerprintOf(String sql) {
		String full;
		try {
			full = this.fingerprint.apply(sql);
		}
		catch (RuntimeException ex) {
			// Recording runs on the application's thread: a statement is never failed by
			// QueryLens.
			return null;
		}
		if (full == null || full.length() <= this.maxLength) {
			return full;
		}
		return full.substring(0, this.maxLength) + "… #" + Integer.toHexString(full.hashCode());
	}

}
