package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

/**
 * The fix for an N+1 whose lazy association Hibernate reported, specific to the case: a
 * to-one or a collection, the only collection of its parents loaded or one of several, a
 * parent query that pages or not, one level or nested ({@code Order.items} then
 * {@code OrderItem.product}), and the repository method that loaded the parents when it
 * is known.
 */
final class FetchAdvice {

	// The smallest size suggested: pages of up to 16 rows are common, and a smaller batch
	// saves only a few queries.
	static final int MIN_BATCH_SIZE = 16;

	// Larger batches make the IN lists long without saving much more; Hibernate's docs
	// suggest values of about 100.
	static final int MAX_BATCH_SIZE = 128;

	private final Recording recording;

	private final LazyLoad load;

	private final int count;

	private final List<LazyLoad> all;

	private final int threshold;

	/**
	 * Creates the advice for the loads of one finding.
	 * @param recording the recording
	 * @param load one of the finding's loads, standing for all of them
	 * @param count how many statements the finding covers
	 * @param threshold loads of one path that count as an N+1 of their own
	 */
	FetchAdvice(Recording recording, LazyLoad load, int count, int threshold) {
		this.recording = recording;
		this.load = load;
		this.count = count;
		this.all = EntityLoads.of(recording).lazyLoads();
		this.threshold = threshold;
	}

	/**
	 * Returns the other paths loaded lazily, each at least {@code threshold} times with
	 * SQL, from the same parents loaded by the same query.
	 * @return paths by number of statements, this load's path included
	 */
	List<String> siblingPaths() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (LazyLoad other : this.all) {
			if (other.queryCount() > 0 && sameParents(other)) {
				counts.merge(other.path(), 1, Integer::sum);
			}
		}
		List<String> paths = new ArrayList<>();
		counts.forEach((path, loads) -> {
			if (loads >= this.threshold || path.equals(this.load.path())) {
				paths.add(path);
			}
		});
		return paths;
	}

	/**
	 * Returns the nested paths this load belongs to: its own, those it extends and those
	 * that extend it.
	 * @return the family of paths, shortest first
	 */
	List<String> nestedPaths() {
		String path = this.load.path();
		List<String> family = new ArrayList<>();
		for (String other : siblingPaths()) {
			if (other.equals(path) || other.startsWith(path + ".") || path.startsWith(other + ".")) {
				family.add(other);
			}
		}
		family.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
		return family;
	}

	private boolean sameParents(LazyLoad other) {
		return Objects.equals(other.rootEntity(), this.load.rootEntity())
				&& Objects.equals(other.loader(), this.load.loader())
				&& other.loaderQueryIndex() == this.load.loaderQueryIndex();
	}

	/**
	 * Returns the statement that loaded the root entities, when known.
	 * @return the statement, or {@code null}
	 */
	QueryEvent parentQuery() {
		int index = this.load.loaderQueryIndex();
		if (index < 0) {
			return null;
		}
		for (QueryEvent event : this.recording.getQueries()) {
			if (event.index() == index) {
				return event;
			}
		}
		return null;
	}

	/**
	 * Whether the query that loaded the root entities pages ({@code limit},
	 * {@code offset}, {@code fetch first}).
	 * @return whether it pages
	 */
	boolean parentPages() {
		QueryEvent parent = parentQuery();
		return parent != null && SqlShape.isLimited(SqlFingerprint.of(parent.sql()));
	}

	/**
	 * Returns the fix.
	 * @return the suggestion
	 */
	String suggestion() {
		String root = this.load.rootEntity();
		String alias = alias(root);
		String where = (this.load.loader() != null) ? "on `" + this.load.loader() + "`"
				: "on the repository method that loads the `" + root + "`s" + parentCallSite();
		String jpql = (this.load.loader() != null) ? "in its JPQL" : "in the query that loads them";
		List<String> nested = nestedPaths();
		if (this.load.eager()) {
			return eagerSuggestion(where, jpql, alias);
		}
		if (nested.size() > 1) {
			if (parentPages() && anyCollection(nested)) {
				int size = nestedBatchSize();
				return "Set `spring.jpa.properties.hibernate.default_batch_fetch_size=" + size + "` (or put "
						+ "`@BatchSize(size = " + size
						+ ")` on each collection and on the entity class a to-one points " + "to), so each level of "
						+ attributePaths(nested) + " loads a whole page in one `IN (…)` " + "query; "
						+ nestedSizeReason(size) + ". Not `join fetch` or "
						+ "`@EntityGraph` of a collection here: the query that loads the `" + root + "`s pages, and "
						+ "Hibernate would then fetch every row and page in memory (HHH90003004).";
			}
			return "Fetch both levels with the `" + root + "`s: `@EntityGraph(attributePaths = "
					+ attributePaths(nested) + ")` " + where + ", or `" + joinFetches(alias, nested) + "` " + jpql + "."
					+ (anyCollection(nested) ? collectionCaveats() : "");
		}
		String path = this.load.path();
		if (!this.load.collection()) {
			return "Add `@EntityGraph(attributePaths = \"" + path + "\")` " + where + ", or `"
					+ joinFetches(alias, List.of(path)) + "` " + jpql + ", so the `" + this.load.entity() + "`s' `"
					+ this.load.attribute() + "` is read in the same query.";
		}
		int size = batchSize();
		String batch = "`@BatchSize(size = " + size + ")` on `" + this.load.role()
				+ "` or `spring.jpa.properties.hibernate.default_batch_fetch_size=" + size + "`";
		if (parentPages()) {
			return "Add " + batch + ", so one `IN (…)` query loads the `" + this.load.attribute()
					+ "` of a whole page; " + sizeReason(size) + ". Not `join fetch` or `@EntityGraph` here: the "
					+ "query that loads the `" + root + "`s pages, and Hibernate would then fetch every row and page "
					+ "in memory (HHH90003004).";
		}
		List<String> collections = collectionSiblings();
		if (collections.size() > 1) {
			return "Add " + batch + ": the `" + root + "`s' collections " + String.join(", ", quoted(collections))
					+ " are each loaded lazily, and fetching several collections in one query multiplies the rows "
					+ "(and two `List`s fail with MultipleBagFetchException); " + sizeReason(size) + ".";
		}
		return "Add `@EntityGraph(attributePaths = \"" + path + "\")` " + where + ", or `"
				+ joinFetches(alias, List.of(path)) + "` " + jpql + " (it is the only collection loaded and the "
				+ "query does not page); or " + batch + " to load it for many `" + this.load.entity() + "`s per query ("
				+ sizeReason(size) + ").";
	}

	// An EAGER mapping is loaded for every owner any query returns, so the mapping itself
	// is what to change.
	private String eagerSuggestion(String where, String jpql, String alias) {
		int size = batchSize();
		String fetch = parentPages()
				? "`@BatchSize(size = " + size + ")` on it (the query that loads the `" + this.load.rootEntity()
						+ "`s pages, so not `join fetch` or `@EntityGraph` of the collection: Hibernate would page in "
						+ "memory, HHH90003004)"
				: "`@EntityGraph(attributePaths = \"" + this.load.path() + "\")` " + where + " or `"
						+ joinFetches(alias, List.of(this.load.path())) + "` " + jpql;
		return "`FetchType.EAGER` on `" + this.load.role() + "` is the cost: Hibernate loads it for every `"
				+ this.load.entity() + "` any query returns, with one more select each. Make it "
				+ "`FetchType.LAZY` and fetch it where it is needed: " + fetch + ". To keep it EAGER, add "
				+ "`@BatchSize(size = " + size + ")` on it so one `IN (…)` query loads it for many `"
				+ this.load.entity() + "`s; " + sizeReason(size) + ".";
	}

	private String collectionCaveats() {
		int batchSize = nestedBatchSize();
		return " Or, to keep one query per level, `spring.jpa.properties.hibernate.default_batch_fetch_size="
				+ batchSize + "` (" + nestedSizeReason(batchSize) + ").";
	}

	// The same for every level of a nested N+1, so that each level's finding gives the
	// same fix.
	private int nestedBatchSize() {
		return standardBatchSize(Math.max(largestNestedLevel(), parentCount()));
	}

	private int largestNestedLevel() {
		List<String> nested = nestedPaths();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (LazyLoad other : this.all) {
			if (other.queryCount() > 0 && sameParents(other) && nested.contains(other.path())) {
				counts.merge(other.path(), other.queryCount(), Integer::sum);
			}
		}
		return counts.values().stream().max(Integer::compare).orElse(this.count);
	}

	private String nestedSizeReason(int size) {
		return sizeReason(size, largestNestedLevel(), "loads of its largest level");
	}

	private boolean anyCollection(List<String> paths) {
		for (LazyLoad other : this.all) {
			if (other.collection() && sameParents(other) && paths.contains(other.path())) {
				return true;
			}
		}
		return false;
	}

	private List<String> collectionSiblings() {
		List<String> siblings = siblingPaths();
		List<String> collections = new ArrayList<>();
		for (LazyLoad other : this.all) {
			if (other.collection() && sameParents(other) && siblings.contains(other.path())
					&& !collections.contains(other.path())) {
				collections.add(other.path());
			}
		}
		return collections;
	}

	private String parentCallSite() {
		QueryEvent parent = parentQuery();
		return (parent != null && parent.callSite() != null) ? " (the query at `" + parent.callSite() + "`)" : "";
	}

	/**
	 * Returns the batch size to suggest: one that covers the parents the query loaded
	 * (or, when that query is not known, the loads seen), rounded up to a standard size,
	 * so that it still covers the next page or a few more rows rather than fitting this
	 * one request.
	 * @return 16, 32, 64 or 128
	 */
	int batchSize() {
		return standardBatchSize(Math.max(this.count, parentCount()));
	}

	// The rows of the query that loaded the root entities: the page, or all the parents
	// when it does not page.
	private int parentCount() {
		QueryEvent parent = parentQuery();
		return (parent != null) ? (int) Math.min(Integer.MAX_VALUE, parent.rows()) : 0;
	}

	private String sizeReason(int size) {
		return sizeReason(size, this.count, "`" + this.load.entity() + "`s loaded");
	}

	// Says how the size was chosen: from the parents the query returned, or the loads
	// seen when those were more.
	private String sizeReason(int size, int loads, String loaded) {
		int parents = parentCount();
		String covered = (parents >= loads)
				? parents + " `" + this.load.rootEntity() + "`s the query " + (parentPages() ? "paged" : "loaded")
				: loads + " " + loaded;
		return size + " covers the " + covered + ", rounded up to a standard size"
				+ ((Math.max(loads, parents) > size) ? " and capped" : "");
	}

	/**
	 * Rounds a number of parents up to a standard batch size.
	 * @param parents how many owners the batch should cover
	 * @return the smallest of 16, 32, 64 and 128 that covers them, 128 past that
	 */
	static int standardBatchSize(int parents) {
		int size = MIN_BATCH_SIZE;
		while (size < parents && size < MAX_BATCH_SIZE) {
			size *= 2;
		}
		return size;
	}

	static String attributePaths(List<String> paths) {
		if (paths.size() == 1) {
			return "\"" + paths.get(0) + "\"";
		}
		return "{" + String.join(", ", quoted(paths)) + "}";
	}

	private static List<String> quoted(List<String> values) {
		return values.stream().map((value) -> "\"" + value + "\"").toList();
	}

	// join fetch o.items i join fetch i.product, each segment joined from the alias of
	// the one before.
	static String joinFetches(String rootAlias, List<String> paths) {
		StringBuilder joins = new StringBuilder();
		Map<String, String> aliases = new LinkedHashMap<>();
		aliases.put("", rootAlias);
		for (String path : paths) {
			String[] segments = path.split("\\.");
			String parent = "";
			for (String segment : segments) {
				String current = parent.isEmpty() ? segment : parent + "." + segment;
				if (!aliases.containsKey(current)) {
					String alias = uniqueAlias(segment, aliases);
					if (joins.length() > 0) {
						joins.append(' ');
					}
					joins.append("join fetch ").append(aliases.get(parent)).append('.').append(segment);
					if (!current.equals(path) || paths.stream().anyMatch((p) -> p.startsWith(current + "."))) {
						joins.append(' ').append(alias);
					}
					aliases.put(current, alias);
				}
				parent = current;
			}
		}
		return joins.toString();
	}

	private static String uniqueAlias(String segment, Map<String, String> taken) {
		String alias = alias(segment);
		int suffix = 2;
		String candidate = alias;
		while (taken.containsValue(candidate)) {
			candidate = alias + suffix++;
		}
		return candidate;
	}

	static String alias(String name) {
		return Character.toString(Character.toLowerCase(name.charAt(0))).toLowerCase(Locale.ROOT);
	}

}
