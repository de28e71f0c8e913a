package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.querylens.capture.Recording;

/**
 * Analyses finished recordings: groups their queries, runs every {@link FindingDetector},
 * folds each finding whose statements stronger findings explain into them (one cause, one
 * finding: {@link FindingPrecedence}), and marks the findings its {@link IgnoreRules}
 * silence. A failing detector is logged once and skipped; analysis never throws.
 */
public final class RecordingAnalyzer {

	private static final Log logger = LogFactory.getLog(RecordingAnalyzer.class);

	private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
		.comparing(Finding::severity, Comparator.reverseOrder())
		.thenComparing(Finding::count, Comparator.reverseOrder())
		.thenComparing(
				(finding) -> finding.queryIndexes().isEmpty() ? Integer.MAX_VALUE : finding.queryIndexes().get(0));

	private final List<FindingDetector> detectors;

	private final SqlFingerprintCache cache;

	private final IgnoreRules ignoreRules;

	// Names of what already failed, so a broken detector logs once rather than on every
	// request.
	private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();

	/**
	 * Creates an analyzer.
	 * @param detectors the detectors to run, in order
	 * @param cache the fingerprints by SQL string, shared with whatever else fingerprints
	 */
	public RecordingAnalyzer(List<FindingDetector> detectors, SqlFingerprintCache cache) {
		this(detectors, cache, IgnoreRules.annotationsOnly());
	}

	/**
	 * Creates an analyzer that silences findings by rules.
	 * @param detectors the detectors to run, in order
	 * @param cache the fingerprints by SQL string, shared with whatever else fingerprints
	 * @param ignoreRules what silences a finding
	 */
	public RecordingAnalyzer(List<FindingDetector> detectors, SqlFingerprintCache cache, IgnoreRules ignoreRules) {
		this.detectors = List.copyOf(detectors);
		this.cache = cache;
		this.ignoreRules = ignoreRules;
	}

	/**
	 * Returns an analyzer with the same detectors that silences findings by these rules
	 * instead.
	 * @param ignoreRules what silences a finding
	 * @return the analyzer
	 */
	public RecordingAnalyzer withIgnoreRules(IgnoreRules ignoreRules) {
		return new RecordingAnalyzer(this.detectors, this.cache, ignoreRules);
	}

	/**
	 * Returns an analyzer that runs these detectors after its own, such as an
	 * application's {@code @Bean FindingDetector}s. Their findings are folded, sorted and
	 * silenced by ignore rules like the built-in ones', and a detector that throws is
	 * logged once and skipped.
	 * @param added the detectors to run as well, in order
	 * @return the analyzer, or this one when none is added
	 */
	public RecordingAnalyzer withAddedDetectors(List<FindingDetector> added) {
		if (added.isEmpty()) {
			return this;
		}
		List<FindingDetector> all = new ArrayList<>(this.detectors);
		all.addAll(added);
		return new RecordingAnalyzer(all, this.cache, this.ignoreRules);
	}

	/**
	 * Creates an analyzer with every built-in detector at its default thresholds but the
	 * N+1 one.
	 * @param nPlusOneThreshold similar selects from one call site that make an N+1
	 * @param resolver names associations, {@link AssociationResolver#none()} without JPA
	 * @return the analyzer
	 */
	public static RecordingAnalyzer withDefaultDetectors(int nPlusOneThreshold, AssociationResolver resolver) {
		return withDefaultDetectors(DetectorSettings.defaults().withNPlusOneThreshold(nPlusOneThreshold), resolver,
				IdentityKeyTables.none());
	}

	/**
	 * Creates an analyzer with the built-in detectors: {@link NPlusOneDetector},
	 * {@link DuplicateQueryDetector}, {@link LazyLoadInViewDetector},
	 * {@link QueryInViewDetector}, {@link BatchableWritesDetector},
	 * {@link ReadModifyWriteDetector}, {@link UnboundedResultDetector},
	 * {@link SlowQueryDetector} and {@link WideRowsDetector}.
	 * @param settings the detectors' thresholds
	 * @param resolver names associations, {@link AssociationResolver#none()} without JPA
	 * @param identityKeys says which tables have identity-generated keys,
	 * {@link IdentityKeyTables#none()} without JPA
	 * @return the analyzer
	 */
	public static RecordingAnalyzer withDefaultDetectors(DetectorSettings settings, AssociationResolver resolver,
			IdentityKeyTables identityKeys) {
		return withDefaultDetectors(settings, TransactionSettings.defaults(), resolver, identityKeys);
	}

	/**
	 * Creates an analyzer with the built-in detectors, those of connections and
	 * transactions ({@link ConnectionChurnDetector}, {@link ConnectionHeldDetector},
	 * {@link ManyTransactionsDetector}) with these thresholds.
	 * @param settings the thresholds of the detectors of statements
	 * @param transactionSettings the thresholds of the detectors of connections and
	 * transactions
	 * @param resolver names associations, {@link AssociationResolver#none()} without JPA
	 * @param identityKeys says which tables have identity-generated keys,
	 * {@link IdentityKeyTables#none()} without JPA
	 * @return the analyzer
	 */
	public static RecordingAnalyzer withDefaultDetectors(DetectorSettings settings,
			TransactionSettings transactionSettings, AssociationResolver resolver, IdentityKeyTables identityKeys) {
		return new RecordingAnalyzer(
				List.of(new NPlusOneDetector(settings.nPlusOneThreshold(), resolver), new DuplicateQueryDetector(),
						new LazyLoadInViewDetector(settings.openInView()), new QueryInViewDetector(),
						new BatchableWritesDetector(settings.batchableWritesThreshold(), identityKeys),
						new ReadModifyWriteDetector(), new UnboundedResultDetector(settings.unboundedResultRows()),
						new SlowQueryDetector(settings.slowQueryThreshold()),
						new WideRowsDetector(settings.wideRowsBytesPerRow(), settings.wideRowsMinRows()),
						new ConnectionChurnDetector(transactionSettings.connectionChurnThreshold()),
						new ConnectionHeldDetector(transactionSettings.connectionHeldThreshold(),
								transactionSettings.connectionHeldIdlePercent()),
						new ManyTransactionsDetector(transactionSettings.manyTransactionsThreshold())),
				new SqlFingerprintCache());
	}

	/**
	 * Returns what silences a finding.
	 * @return the ignore rules
	 */
	public IgnoreRules getIgnoreRules() {
		return this.ignoreRules;
	}

	/**
	 * Analyses a recording.
	 * @param finishedRecording the recording, finished so that its queries no longer
	 * change
	 * @return the analysis, with findings most severe first, then most statements first
	 */
	public AnalyzedRecording analyze(Recording finishedRecording) {
		QueryGroups groups;
		try {
			groups = QueryGroups.of(finishedRecording, this.cache);
		}
		catch (RuntimeException | LinkageError ex) {
			logOnce(QueryGroups.class.getName(), ex);
			return new AnalyzedRecording(finishedRecording, List.of(), 0, 0, List.of());
		}
		List<Finding> findings = new ArrayList<>();
		for (FindingDetector detector : this.detectors) {
			try {
				List<Finding> found = detector.detect(groups);
				if (found != null) {
					findings.addAll(found);
				}
			}
			catch (RuntimeException | LinkageError ex) {
				logOnce(detector.getClass().getName(), ex);
			}
		}
		try {
			findings = FindingPrecedence.fold(findings, groups, this.detectors);
		}
		catch (RuntimeException | LinkageError ex) {
			logOnce(FindingPrecedence.class.getName(), ex);
		}
		findings.sort(MOST_SEVERE_FIRST);
		try {
			findings = this.ignoreRules.apply(findings, finishedRecording);
		}
		catch (RuntimeException | LinkageError ex) {
			logOnce(IgnoreRules.class.getName(), ex);
		}
		return new AnalyzedRecording(finishedRecording, groups.getQueries(), groups.getDuplicateCount(),
				groups.getSimilarCount(), findings);
	}

	private void logOnce(String failed, Throwable ex) {
		if (this.loggedFailures.add(failed)) {
			logger.warn("QueryLens analysis step " + failed + " failed and is skipped; later failures are not logged",
					ex);
		}
	}

}
