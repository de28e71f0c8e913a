package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.LazyLoad;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;

/**
 * Finds N+1 selects: approximates "a lazy association read in a loop" as at least
 * {@code threshold} SELECTs of one fingerprint, with different parameters, from one call
 * site.
 * <p>
 * Exact repeats (same SQL and parameters) of a statement of the N+1 from the same call
 * site are part of it, not another finding: the finding counts them and names the
 * repeated keys. Other exact repeats are left to {@link DuplicateQueryDetector}; a JDBC
 * batch, and a batch fetch (an {@code IN} list of several values, or {@code = any (?)}),
 * each count as one statement that already loads many rows, so they are not counted. Call
 * sites are sampled for the first executions of each SQL string only, so a later
 * execution without one is attributed to the call site most of the sampled executions of
 * its fingerprint came from. Findings are {@link Severity#ERROR errors}: the count grows
 * with the data.
 * <p>
 * When Hibernate reported the lazy loads ({@link Recording#getLazyLoads()}) and every
 * statement of a finding was run by lazy loads of one association along one path, the
 * finding names that association with certainty and the fix is specific to it
 * ({@link FetchAdvice}); otherwise the {@link AssociationResolver} names it from the
 * metamodel, and without JPA the finding names none.
 */
public final class NPlusOneDetector implements FindingDetector {

	/** Statements of one shape from one call site that make an N+1 by default. */
	public static final int DEFAULT_THRESHOLD = 3;

	private static final int MAX_SHOWN_LENGTH = 160;

	private static final Comparator<AnalyzedQuery> BY_INDEX = Comparator.comparingInt((query) -> query.event().index());

	private final int threshold;

	private final AssociationResolver resolver;

	/**
	 * Creates a detector with the {@link #DEFAULT_THRESHOLD default threshold} and no
	 * association names.
	 */
	public NPlusOneDetector() {
		this(DEFAULT_THRESHOLD, AssociationResolver.none());
	}

	/**
	 * Creates a detector.
	 * @param threshold the number of statements of one shape from one call site that make
	 * an N+1, at least 2
	 * @param resolver names the association behind a statement
	 */
	public NPlusOneDetector(int threshold, AssociationResolver resolver) {
		this.threshold = Math.max(2, threshold);
		this.resolver = (resolver != null) ? resolver : AssociationResolver.none();
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Map<String, List<AnalyzedQuery>> byFingerprint = new LinkedHashMap<>();
		Map<String, Boolean> candidateSql = new HashMap<>();
		Map<Integer, List<AnalyzedQuery>> repeatsByFirst = new HashMap<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			if (query.duplicateOf() != null) {
				repeatsByFirst.computeIfAbsent(query.duplicateOf(), (first) -> new ArrayList<>(2)).add(query);
			}
			else if (isCandidate(query, candidateSql)) {
				byFingerprint.computeIfAbsent(query.fingerprint(), (key) -> new ArrayList<>()).add(query);
			}
		}
		List<Finding> findings = new ArrayList<>();
		Context context = new Context(groups);
		for (List<AnalyzedQuery> queries : byFingerprint.values()) {
			if (queries.size() < this.threshold) {
				continue;
			}
			for (Map.Entry<CallSite, List<AnalyzedQuery>> entry : byCallSite(queries).entrySet()) {
				if (entry.getValue().size() >= this.threshold) {
					findings.add(withRepeats(finding(context, entry.getKey(), entry.getValue()),
							repeats(repeatsByFirst, entry.getKey(), entry.getValue())));
				}
			}
		}
		return findings;
	}

	// The exact repeats of the statements of one N+1 from its call site: the same loop
	// reading a key it had already read. A repeat from elsewhere is another cause, left
	// to the duplicate detector. Looked up by the statements repeated, so each finding
	// costs its own statements, not the recording's.
	private static List<AnalyzedQuery> repeats(Map<Integer, List<AnalyzedQuery>> repeatsByFirst, CallSite callSite,
			List<AnalyzedQuery> queries) {
		List<AnalyzedQuery> repeats = new ArrayList<>();
		for (AnalyzedQuery query : queries) {
			for (AnalyzedQuery repeat : repeatsByFirst.getOrDefault(query.event().index(), List.of())) {
				CallSite from = repeat.event().callSite();
				if (from == null || from.equals(callSite)) {
					repeats.add(repeat);
				}
			}
		}
		// In the order they ran, as the keys are named.
		repeats.sort(BY_INDEX);
		return repeats;
	}

	private static Finding withRepeats(Finding finding, List<AnalyzedQuery> repeats) {
		if (repeats.isEmpty()) {
			return finding;
		}
		Set<String> keys = new LinkedHashSet<>();
		for (AnalyzedQuery repeat : repeats) {
			List<Object> parameters = repeat.event().parameters();
			keys.add((parameters.size() == 1) ? String.valueOf(parameters.get(0)) : String.valueOf(parameters));
		}
		String message = finding.message().substring(0, finding.message().length() - 1) + "; " + repeats.size()
				+ ((repeats.size() == 1) ? " more time" : " more times") + " it read a key it had already read ("
				+ String.join(", ", keys.stream().map((key) -> "`" + key + "`").toList()) + ").";
		List<Integer> indexes = new ArrayList<>(finding.queryIndexes());
		for (AnalyzedQuery repeat : repeats) {
			indexes.add(repeat.event().index());
		}
		indexes.sort(Integer::compare);
		return new Finding(finding.type(), finding.severity(), message, finding.fingerprint(),
				finding.count() + repeats.size(), finding.callSite(), finding.association(), finding.suggestion(),
				indexes, finding.ignored());
	}

	// Whether a statement is a single read, not a batch fetch: judged once per SQL
	// string of the recording, since a loop repeats a few strings many times. A cut
	// statement's text does not decide its fingerprint, so it is judged on its own.
	private static boolean isCandidate(AnalyzedQuery query, Map<String, Boolean> candidateSql) {
		QueryEvent event = query.event();
		if (query.duplicateOf() != null || event.batchSize() > 1) {
			return false;
		}
		if (event.fullFingerprint() != null || event.sql() == null) {
			return isSingleRead(event.sql(), query.fingerprint());
		}
		Boolean judged = candidateSql.get(event.sql());
		if (judged == null) {
			judged = isSingleRead(event.sql(), query.fingerprint());
			candidateSql.put(event.sql(), judged);
		}
		return judged;
	}

	private static boolean isSingleRead(String sql, String fingerprint) {
		return isRead(fingerprint) && !isBatchFetch(sql, fingerprint);
	}

	static boolean isRead(String fingerprint) {
		if (fingerprint.startsWith("select ") || fingerprint.startsWith("(select ")) {
			return true;
		}
		// A WITH may end in a write; the words are looked for anywhere, which errs on the
		// side of silence.
		return fingerprint.startsWith("with ") && !fingerprint.contains("insert into ")
				&& !fingerprint.contains("update ") && !fingerprint.contains("delete from ")
				&& !fingerprint.contains("merge into ");
	}

	// Folding an IN list of several values leaves fewer placeholders than the statement
	// had.
	private static boolean isBatchFetch(String sql, String fingerprint) {
		return fingerprint.contains("any (?)") || fingerprint.contains("any(?)")
				|| count(sql, '?') > count(fingerprint, '?');
	}

	private static int count(String text, char c) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				count++;
			}
		}
		return count;
	}

	private static Map<CallSite, List<AnalyzedQuery>> byCallSite(List<AnalyzedQuery> queries) {
		Map<CallSite, Integer> sampled = new LinkedHashMap<>();
		for (AnalyzedQuery query : queries) {
			CallSite callSite = query.event().callSite();
			if (callSite != null) {
				sampled.merge(callSite, 1, Integer::sum);
			}
		}
		CallSite mostFrequent = null;
		int most = 0;
		for (Map.Entry<CallSite, Integer> entry : sampled.entrySet()) {
			if (entry.getValue() > most) {
				mostFrequent = entry.getKey();
				most = entry.getValue();
			}
		}
		Map<CallSite, List<AnalyzedQuery>> byCallSite = new LinkedHashMap<>();
		for (AnalyzedQuery query : queries) {
			CallSite callSite = query.event().callSite();
			CallSite attributed = (callSite != null) ? callSite : mostFrequent;
			byCallSite.computeIfAbsent(attributed, (key) -> new ArrayList<>()).add(query);
		}
		return byCallSite;
	}

	private Finding finding(Context context, CallSite callSite, List<AnalyzedQuery> queries) {
		Recording recording = context.groups.getRecording();
		LazyLoad exact = exactLoad(context.lazyLoads(), queries);
		if (exact != null) {
			return exactFinding(recording, callSite, queries, exact);
		}
		String fingerprint = queries.get(0).fingerprint();
		List<String> earlier = context.fingerprintsBefore(queries.get(0).event().index());
		Optional<Association> association = this.resolver.resolve(fingerprint, earlier);
		StringBuilder message = new StringBuilder();
		message.append('`')
			.append(shorten(fingerprint))
			.append("` ran ")
			.append(queries.size())
			.append(" times with different parameters from ")
			.append((callSite != null) ? "`" + callSite + "`" : "an unknown call site");
		association.ifPresent((found) -> message.append(": the ")
			.append(found.collection() ? "collection" : "association")
			.append(" `")
			.append(found.name())
			.append(found.eager() ? "` (an EAGER to-one, which Hibernate loads by a secondary select)" : "`")
			.append(" loaded once per `")
			.append(found.entity())
			.append('`'));
		message.append('.');
		List<Integer> indexes = new ArrayList<>(queries.size());
		for (AnalyzedQuery query : queries) {
			indexes.add(query.event().index());
		}
		return new Finding(FindingType.N_PLUS_ONE, Severity.ERROR, message.toString(), fingerprint, queries.size(),
				(callSite != null) ? callSite.toString() : null, association.map(Association::name).orElse(null),
				suggestion(association.orElse(null), queries.size()), indexes, false);
	}

	// The one association whose lazy loads ran every statement of the group, or null.
	private static LazyLoad exactLoad(LazyLoadIndex byIndex, List<AnalyzedQuery> queries) {
		if (byIndex.isEmpty()) {
			return null;
		}
		LazyLoad first = null;
		for (AnalyzedQuery query : queries) {
			LazyLoad load = byIndex.loadOf(query.event().index());
			if (load == null) {
				return null;
			}
			if (first == null) {
				first = load;
			}
			else if (!first.role().equals(load.role()) || !first.path().equals(load.path())
					|| !Objects.equals(first.loader(), load.loader())) {
				return null;
			}
		}
		return first;
	}

	private Finding exactFinding(Recording recording, CallSite callSite, List<AnalyzedQuery> queries, LazyLoad load) {
		String fingerprint = queries.get(0).fingerprint();
		FetchAdvice advice = new FetchAdvice(recording, load, queries.size(), this.threshold);
		StringBuilder message = new StringBuilder();
		message.append('`')
			.append(load.role())
			.append("` (")
			.append(load.eager() ? "an EAGER " : "a lazy ")
			.append(load.collection() ? "collection" : "to-one")
			.append(load.eager() ? ", which Hibernate loads by a secondary select" : "")
			.append(") was loaded ")
			.append(queries.size())
			.append(" times, once per `")
			.append(load.entity())
			.append('`');
		if (load.path().contains(".")) {
			message.append(" (path `")
				.append(load.path())
				.append("` from the `")
				.append(load.rootEntity())
				.append("`s)");
		}
		message.append(", from ")
			.append((callSite != null) ? "`" + callSite + "`" : "an unknown call site")
			.append(": `")
			.append(shorten(fingerprint))
			.append("`.");
		if (load.loader() != null) {
			message.append(" The `")
				.append(load.rootEntity())
				.append("`s came from `")
				.append(load.loader())
				.append("`.");
		}
		List<Integer> indexes = new ArrayList<>(queries.size());
		for (AnalyzedQuery query : queries) {
			indexes.add(query.event().index());
		}
		return new Finding(FindingType.N_PLUS_ONE, Severity.ERROR, message.toString(), fingerprint, queries.size(),
				(callSite != null) ? callSite.toString() : null, load.role(), advice.suggestion(), indexes, false);
	}

	/**
	 * What the findings of one recording share, made once and only when a finding needs
	 * it: the lazy loads by statement, and the fingerprints in the order they ran.
	 */
	private static final class Context {

		private final QueryGroups groups;

		private @Nullable LazyLoadIndex lazyLoads;

		private @Nullable List<String> fingerprints;

		private int @Nullable [] indexes;

		Context(QueryGroups groups) {
			this.groups = groups;
		}

		LazyLoadIndex lazyLoads() {
			if (this.lazyLoads == null) {
				this.lazyLoads = LazyLoadIndex.of(this.groups.getRecording());
			}
			return this.lazyLoads;
		}

		// The fingerprints of the statements that ran before this one: a view, not a
		// copy, since queries are kept in the order of their indexes.
		List<String> fingerprintsBefore(int queryIndex) {
			if (this.fingerprints == null) {
				List<AnalyzedQuery> queries = this.groups.getQueries();
				this.indexes = new int[queries.size()];
				List<String> fingerprints = new ArrayList<>(queries.size());
				for (int i = 0; i < queries.size(); i++) {
					this.indexes[i] = queries.get(i).event().index();
					fingerprints.add(queries.get(i).fingerprint());
				}
				this.fingerprints = Collections.unmodifiableList(fingerprints);
			}
			int position = Arrays.binarySearch(this.indexes, queryIndex);
			return this.fingerprints.subList(0, (position >= 0) ? position : -position - 1);
		}

	}

	static String suggestion(Association association, int count) {
		if (association == null) {
			return "Load the rows in one query instead of one per row: a single `IN (…)` query for all the keys, "
					+ "or a join with the query that returned the keys.";
		}
		String alias = Character.toString(Character.toLowerCase(association.entity().charAt(0)));
		if (association.collection()) {
			int size = FetchAdvice.standardBatchSize(count);
			return "Fetch `" + association.name() + "` for many `" + association.entity() + "`s at once: add "
					+ "`@BatchSize(size = " + size + ")` on `" + association.name() + "`, or set "
					+ "`spring.jpa.properties.hibernate.default_batch_fetch_size=" + size + "` (" + size
					+ " covers the " + count + " `" + association.entity()
					+ "`s loaded, rounded up to a standard size); when it is the " + "only collection "
					+ "loaded and the query does not page, `join fetch " + alias + "." + association.attribute()
					+ "` in the query that loaded the `" + association.entity()
					+ "`s or `@EntityGraph(attributePaths = \"" + association.attribute()
					+ "\")` on its repository method also works.";
		}
		if (association.eager()) {
			// EAGER is loaded for every owner any query returns: the mapping is what to
			// change.
			return "`FetchType.EAGER` on `" + association.name() + "` is the cost (the default of `@ManyToOne` and "
					+ "`@OneToOne`): Hibernate loads it for every `" + association.entity()
					+ "` any query returns, with one more select each. Make it `fetch = FetchType.LAZY` and fetch "
					+ "it where it is needed: `join fetch " + alias + "." + association.attribute()
					+ "` in the query that loads the `" + association.entity()
					+ "`s, or `@EntityGraph(attributePaths = \"" + association.attribute()
					+ "\")` on the repository method that loads them.";
		}
		return "Add `join fetch " + alias + "." + association.attribute() + "` to the query that loaded the `"
				+ association.entity() + "`s, or `@EntityGraph(attributePaths = \"" + association.attribute()
				+ "\")` on the repository method that loads them.";
	}

	static String shorten(String fingerprint) {
		String shown = fingerprint;
		if (shown.startsWith("select ")) {
			int from = shown.indexOf(" from ");
			if (from > "select ".length()) {
				shown = "select …" + shown.substring(from);
			}
		}
		return (shown.length() > MAX_SHOWN_LENGTH) ? shown.substring(0, MAX_SHOWN_LENGTH) + "…" : shown;
	}

}
