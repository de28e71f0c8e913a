package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.querylens.capture.QueryEvent;

/**
 * Finds SELECTs that read large values for many rows: at least {@code minRows} rows, with
 * on average at least {@code bytesPerRow} characters of text or bytes of binary values
 * read per row (as measured on the result set, see {@link QueryEvent#bytesRead()}). It
 * approximates "a large column loaded for a list that does not show it": a list of narrow
 * rows, or one large row (a detail page reading its document), is not reported.
 */
public final class WideRowsDetector implements FindingDetector {

	/** Average size read per row from which a SELECT is reported by default. */
	public static final long DEFAULT_BYTES_PER_ROW = 4096;

	/** Rows a SELECT must read to be reported by default. */
	public static final long DEFAULT_MIN_ROWS = 20;

	private final long bytesPerRow;

	private final long minRows;

	/**
	 * Creates a detector with the default thresholds.
	 */
	public WideRowsDetector() {
		this(DEFAULT_BYTES_PER_ROW, DEFAULT_MIN_ROWS);
	}

	/**
	 * Creates a detector.
	 * @param bytesPerRow average size read per row from which a SELECT is reported
	 * @param minRows rows a SELECT must read to be reported
	 */
	public WideRowsDetector(long bytesPerRow, long minRows) {
		this.bytesPerRow = Math.max(1, bytesPerRow);
		this.minRows = Math.max(2, minRows);
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		List<Finding> findings = new ArrayList<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			QueryEvent event = query.event();
			if (event.rows() >= this.minRows && event.batchSize() <= 1 && !event.failed()
					&& event.bytesRead() / event.rows() >= this.bytesPerRow && SqlShape.isRead(query.fingerprint())) {
				findings.add(finding(query, event));
			}
		}
		return findings;
	}

	private static Finding finding(AnalyzedQuery query, QueryEvent event) {
		String callSite = (event.callSite() != null) ? event.callSite().toString() : null;
		String column = (event.widestColumn() != null) ? event.widestColumn().toLowerCase(Locale.ROOT) : null;
		String table = readTable(query.fingerprint());
		String where = (column != null) ? "`" + ((table != null) ? table + "." : "") + column + "`" : null;
		String message = "`" + NPlusOneDetector.shorten(query.fingerprint()) + "` read " + event.rows() + " rows of "
				+ size(event.bytesRead() / event.rows()) + " each on average"
				+ ((where != null) ? ", the largest values in " + where : "")
				+ ((callSite != null) ? ", from `" + callSite + "`" : "")
				+ "; a list rarely shows a large column for every row.";
		String large = (column != null) ? "`" + column + "`" : "the large column";
		String suggestion = "Select only what the page shows: an interface projection (`interface "
				+ "EntrySummary { Long getId(); String getName(); }` as the repository method's return type) or a "
				+ "DTO/record built with `select new …(e.id, e.name)`. To keep loading entities, make " + large
				+ " lazy with `@Basic(fetch = FetchType.LAZY)`, which needs Hibernate's bytecode enhancement "
				+ "(`hibernate-enhance-maven-plugin` with `enableLazyInitialization`), or move it to its own entity "
				+ "mapped `@OneToOne(fetch = FetchType.LAZY)` and read it only on the page that shows it.";
		return new Finding(FindingType.WIDE_ROWS, Severity.WARNING, message, query.fingerprint(), 1, callSite, null,
				suggestion, List.of(event.index()), false);
	}

	// The first table after the top-level FROM: the one whose columns an ORM's entity
	// SELECT reads.
	static String readTable(String fingerprint) {
		List<String> words = SqlShape.topLevelWords(fingerprint);
		for (int i = 0; i + 1 < words.size(); i++) {
			if (words.get(i).equals("from")) {
				String table = SqlShape.bare(words.get(i + 1));
				// "from (select …) x" gives the alias, not a table.
				String from = "from " + words.get(i + 1);
				boolean named = fingerprint.contains(from + " ") || fingerprint.endsWith(from);
				return (named && !table.isEmpty()) ? table : null;
			}
		}
		return null;
	}

	private static String size(long bytes) {
		return (bytes >= 10 * 1024) ? (bytes / 1024) + " kB" : bytes + " B";
	}

}
