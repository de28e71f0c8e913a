package dev.querylens.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SqlFingerprint}s by SQL string, so that a statement an ORM repeats costs a map
 * lookup, not a parse. Bounded in entries and in characters held; when either bound is
 * reached the cache is cleared, which ORMs (with their fixed set of statement strings)
 * refill at once.
 */
public final class SqlFingerprintCache {

	/** Entries kept by default. */
	public static final int DEFAULT_MAX_ENTRIES = 10_000;

	// Statements longer than this are usually one-off (inlined literals), so caching them
	// only costs memory.
	private static final int MAX_CACHED_LENGTH = 16 * 1024;

	private static final long MAX_CACHED_CHARS = 8L * 1024 * 1024;

	private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

	private final AtomicLong chars = new AtomicLong();

	private final int maxEntries;

	/**
	 * Creates a cache of {@value #DEFAULT_MAX_ENTRIES} entries.
	 */
	public SqlFingerprintCache() {
		this(DEFAULT_MAX_ENTRIES);
	}

	/**
	 * Creates a cache.
	 * @param maxEntries the number of entries past which the cache is cleared
	 */
	public SqlFingerprintCache(int maxEntries) {
		this.maxEntries = Math.max(1, maxEntries);
	}

	/**
	 * Returns the fingerprint of a statement, computed once per distinct string.
	 * @param sql the statement, may be {@code null}
	 * @return its fingerprint, never {@code null}
	 */
	public String fingerprint(String sql) {
		if (sql == null) {
			return "";
		}
		String cached = this.fingerprints.get(sql);
		if (cached != null) {
			return cached;
		}
		String fingerprint = SqlFingerprint.of(sql);
		if (sql.length() <= MAX_CACHED_LENGTH) {
			if (this.fingerprints.size() >= this.maxEntries || this.chars.get() >= MAX_CACHED_CHARS) {
				// Clearing races with concurrent puts; the count of characters is only a
				// bound, not exact.
				this.fingerprints.clear();
				this.chars.set(0);
			}
			if (this.fingerprints.putIfAbsent(sql, fingerprint) == null) {
				this.chars.addAndGet(sql.length() + fingerprint.length());
			}
		}
		return fingerprint;
	}

	/**
	 * Returns the number of cached fingerprints.
	 * @return the size
	 */
	public int size() {
		return this.fingerprints.size();
	}

}
