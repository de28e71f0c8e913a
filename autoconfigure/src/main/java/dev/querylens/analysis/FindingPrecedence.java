package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cause, one finding. Each finding names the statements it explains: its
 * {@link Finding#queryIndexes() queryIndexes}, but for a {@code DUPLICATE_QUERY} only its
 * repeats, since the first execution is the original and may have run anywhere. A finding
 * yields to the stronger types this precedence lists for it, and is folded into the
 * findings of those types when they explain every statement it explains: it is dropped,
 * and they keep the higher of the severities.
 * <ul>
 * <li>{@code DUPLICATE_QUERY} yields to {@code N_PLUS_ONE} (a loop that read a key twice)
 * and to the view findings {@code QUERY_IN_VIEW} and {@code LAZY_LOAD_IN_VIEW} (a
 * formatter querying per option);</li>
 * <li>{@code N_PLUS_ONE} yields to the view findings (a lazy N+1 in a template);</li>
 * <li>{@code MANY_TRANSACTIONS} and {@code CONNECTION_CHURN} yield to {@code N_PLUS_ONE},
 * the view findings and {@code BATCHABLE_WRITES}, whose fix (one query, one batch)
 * removes their transactions and connections too.</li>
 * </ul>
 * A finding that counts units of work (transactions, connections) rather than statements
 * is folded when fewer than its threshold of those units keep work of their own: a
 * statement no stronger finding explains, besides one statement for each batchable write
 * in the unit (the read of its key or sequence that goes with each write). That recount
 * is its detector's ({@link UnitsOfWork}); without the detector, the statement rule
 * applies.
 */
final class FindingPrecedence {

	private static final Set<FindingType> VIEW = EnumSet.of(FindingType.QUERY_IN_VIEW, FindingType.LAZY_LOAD_IN_VIEW);

	private static final Set<FindingType> LOOPS = EnumSet.of(FindingType.N_PLUS_ONE, FindingType.QUERY_IN_VIEW,
			FindingType.LAZY_LOAD_IN_VIEW, FindingType.BATCHABLE_WRITES);

	// The weaker type, then the types that explain its statements.
	private static final Map<FindingType, Set<FindingType>> YIELDS_TO = new EnumMap<>(FindingType.class);

	static {
		YIELDS_TO.put(FindingType.DUPLICATE_QUERY,
				EnumSet.of(FindingType.N_PLUS_ONE, FindingType.QUERY_IN_VIEW, FindingType.LAZY_LOAD_IN_VIEW));
		YIELDS_TO.put(FindingType.N_PLUS_ONE, VIEW);
		YIELDS_TO.put(FindingType.MANY_TRANSACTIONS, LOOPS);
		YIELDS_TO.put(FindingType.CONNECTION_CHURN, LOOPS);
	}

	private FindingPrecedence() {
	}

	/**
	 * Folds every finding that its stronger findings explain into them.
	 * @param findings every detector's findings
	 * @param groups the recording's queries, for the recounts of units of work
	 * @param detectors the detectors that found them, some of which recount their units
	 * @return the findings left, in their order
	 */
	static List<Finding> fold(List<Finding> findings, QueryGroups groups, List<FindingDetector> detectors) {
		Map<FindingType, UnitsOfWork> recounts = new EnumMap<>(FindingType.class);
		for (FindingDetector detector : detectors) {
			if (detector instanceof UnitsOfWork units) {
				recounts.putIfAbsent(units.type(), units);
			}
		}
		// One explanation per set of stronger types, made on first need: few findings
		// yield, and most recordings have none.
		Map<Set<FindingType>, Explained> explanations = new HashMap<>();
		Severity[] severities = new Severity[findings.size()];
		boolean[] folded = new boolean[findings.size()];
		for (int i = 0; i < findings.size(); i++) {
			severities[i] = findings.get(i).severity();
		}
		for (int i = 0; i < findings.size(); i++) {
			Finding finding = findings.get(i);
			Set<FindingType> stronger = YIELDS_TO.get(finding.type());
			if (stronger == null) {
				continue;
			}
			Explained explained = explanations.computeIfAbsent(stronger, (types) -> Explained.by(types, findings));
			if (explained.isEmpty()) {
				continue;
			}
			List<Integer> statements = explainedStatements(finding);
			UnitsOfWork recount = recounts.get(finding.type());
			boolean stands = (recount != null) ? recount.standsWithout(finding, explained, groups)
					: statements.isEmpty() || !explained.explainsAll(statements);
			if (!stands) {
				folded[i] = true;
				for (int into : explained.findingsExplaining(statements)) {
					if (finding.severity().compareTo(severities[into]) > 0) {
						severities[into] = finding.severity();
					}
				}
			}
		}
		List<Finding> kept = new ArrayList<>(findings.size());
		for (int i = 0; i < findings.size(); i++) {
			Finding finding = findings.get(i);
			if (!folded[i]) {
				kept.add((severities[i] != finding.severity()) ? withSeverity(finding, severities[i]) : finding);
			}
		}
		return kept;
	}

	// A duplicate's first execution is the original; every other statement of a
	// finding is one it explains.
	private static List<Integer> explainedStatements(Finding finding) {
		List<Integer> indexes = finding.queryIndexes();
		return (finding.type() == FindingType.DUPLICATE_QUERY && !indexes.isEmpty())
				? indexes.subList(1, indexes.size()) : indexes;
	}

	private static Finding withSeverity(Finding finding, Severity severity) {
		return new Finding(finding.type(), severity, finding.message(), finding.fingerprint(), finding.count(),
				finding.callSite(), finding.association(), finding.suggestion(), finding.queryIndexes(),
				finding.ignored());
	}

	/**
	 * The statements that the findings of some stronger types explain, and which findings
	 * explain each.
	 */
	static final class Explained {

		// Statement index, then the positions of the findings that explain it.
		private final Map<Integer, List<Integer>> byStatement;

		private final Set<Integer> batchableWrites;

		private Explained(Map<Integer, List<Integer>> byStatement, Set<Integer> batchableWrites) {
			this.byStatement = byStatement;
			this.batchableWrites = batchableWrites;
		}

		static Explained by(Set<FindingType> types, List<Finding> findings) {
			Map<Integer, List<Integer>> byStatement = new HashMap<>();
			Set<Integer> batchableWrites = new HashSet<>();
			for (int i = 0; i < findings.size(); i++) {
				Finding finding = findings.get(i);
				if (types.contains(finding.type())) {
					for (int index : explainedStatements(finding)) {
						byStatement.computeIfAbsent(index, (key) -> new ArrayList<>(1)).add(i);
					}
					if (finding.type() == FindingType.BATCHABLE_WRITES) {
						batchableWrites.addAll(finding.queryIndexes());
					}
				}
			}
			return new Explained(byStatement, batchableWrites);
		}

		boolean isEmpty() {
			return this.byStatement.isEmpty();
		}

		/**
		 * Whether a stronger finding explains this statement.
		 * @param statement the statement's index
		 * @return whether one does
		 */
		boolean explains(int statement) {
			return this.byStatement.containsKey(statement);
		}

		boolean explainsAll(Collection<Integer> statements) {
			for (int statement : statements) {
				if (!explains(statement)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Whether a unit of work (a transaction, a connection) with these statements has
		 * work of its own: a statement no stronger finding explains, besides one for each
		 * batchable write among them.
		 * @param statements the unit's statements
		 * @return whether fixing the stronger findings would leave the unit's work
		 */
		boolean hasWorkOfItsOwn(Collection<Integer> statements) {
			int unexplained = 0;
			int companions = 0;
			for (int statement : statements) {
				if (!explains(statement)) {
					unexplained++;
				}
				else if (this.batchableWrites.contains(statement)) {
					companions++;
				}
			}
			return unexplained > companions;
		}

		Set<Integer> findingsExplaining(Collection<Integer> statements) {
			Set<Integer> positions = new HashSet<>();
			for (int statement : statements) {
				List<Integer> explaining = this.byStatement.get(statement);
				if (explaining != null) {
					positions.addAll(explaining);
				}
			}
			return positions;
		}

	}

	/**
	 * A detector whose findings count units of work (transactions, connections) rather
	 * than statements: whether one still stands when stronger findings explain some of
	 * its statements is a recount of its units, which only it can do.
	 */
	interface UnitsOfWork {

		/**
		 * Returns the type of the findings this detector recounts.
		 * @return the type
		 */
		FindingType type();

		/**
		 * Whether a finding of this detector still stands: at least its threshold of
		 * units keep {@link Explained#hasWorkOfItsOwn work of their own}.
		 * @param finding the finding
		 * @param explained what the stronger findings explain
		 * @param groups the recording's queries
		 * @return whether the finding stands
		 */
		boolean standsWithout(Finding finding, Explained explained, QueryGroups groups);

	}

}
