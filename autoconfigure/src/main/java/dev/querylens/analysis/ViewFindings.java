package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps one finding per cause in the view: a {@code DUPLICATE_QUERY} or
 * {@code N_PLUS_ONE} whose repeats all ran within one {@code QUERY_IN_VIEW} or
 * {@code LAZY_LOAD_IN_VIEW} finding is the same cause (the template, or the formatter it
 * calls per option, querying again) and is folded into that view finding, which names the
 * code and keeps the more severe of the two severities. A duplicate's first execution may
 * have run in the handler: the repeats are what the view caused.
 */
final class ViewFindings {

	private ViewFindings() {
	}

	static List<Finding> fold(List<Finding> findings) {
		List<Finding> inView = new ArrayList<>();
		for (Finding finding : findings) {
			if (isViewFinding(finding)) {
				inView.add(finding);
			}
		}
		if (inView.isEmpty()) {
			return new ArrayList<>(findings);
		}
		List<Set<Integer>> viewIndexes = new ArrayList<>(inView.size());
		for (Finding finding : inView) {
			viewIndexes.add(new HashSet<>(finding.queryIndexes()));
		}
		Severity[] severities = inView.stream().map(Finding::severity).toArray(Severity[]::new);
		List<Finding> kept = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			int into = isRepeat(finding) ? viewFindingOf(repeats(finding), viewIndexes) : -1;
			if (into < 0) {
				kept.add(finding);
			}
			else if (finding.severity().compareTo(severities[into]) > 0) {
				severities[into] = finding.severity();
			}
		}
		List<Finding> folded = new ArrayList<>(kept.size());
		for (Finding finding : kept) {
			int at = inView.indexOf(finding);
			folded.add((at >= 0 && severities[at] != finding.severity()) ? withSeverity(finding, severities[at])
					: finding);
		}
		return folded;
	}

	private static boolean isViewFinding(Finding finding) {
		return finding.type() == FindingType.QUERY_IN_VIEW || finding.type() == FindingType.LAZY_LOAD_IN_VIEW;
	}

	private static boolean isRepeat(Finding finding) {
		return finding.type() == FindingType.DUPLICATE_QUERY || finding.type() == FindingType.N_PLUS_ONE;
	}

	// A duplicate's first execution is the original; every statement of an N+1 is one of
	// its repeats.
	private static List<Integer> repeats(Finding finding) {
		List<Integer> indexes = finding.queryIndexes();
		return (finding.type() == FindingType.DUPLICATE_QUERY && !indexes.isEmpty())
				? indexes.subList(1, indexes.size()) : indexes;
	}

	private static int viewFindingOf(List<Integer> repeats, List<Set<Integer>> viewIndexes) {
		if (repeats.isEmpty()) {
			return -1;
		}
		for (int i = 0; i < viewIndexes.size(); i++) {
			if (viewIndexes.get(i).containsAll(repeats)) {
				return i;
			}
		}
		return -1;
	}

	private static Finding withSeverity(Finding finding, Severity severity) {
		return new Finding(finding.type(), severity, finding.message(), finding.fingerprint(), finding.count(),
				finding.callSite(), finding.association(), finding.suggestion(), finding.queryIndexes(),
				finding.ignored());
	}

}
