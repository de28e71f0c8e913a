package dev.querylens.precision;

import java.util.List;
import java.util.Locale;

import dev.querylens.analysis.FindingType;
import dev.querylens.precision.PrecisionCorpusTests.Outcome;
import dev.querylens.precision.Scenario.Expected;

/**
 * The precision and recall of each detector over the corpus, as a Markdown table: a
 * finding is right when the scenario states it exactly (type, association, call site,
 * count), false when the scenario does not, missed when the scenario states it and the
 * request did not give it.
 */
final class PrecisionTable {

	private PrecisionTable() {
	}

	static String of(List<Outcome> outcomes) {
		StringBuilder table = new StringBuilder();
		table.append("| finding | true cases | look-alikes | right | false | missed | precision | recall |\n");
		table.append("|---|---|---|---|---|---|---|---|\n");
		for (FindingType type : FindingType.values()) {
			int cases = 0;
			int lookAlikes = 0;
			int right = 0;
			int wrong = 0;
			int missed = 0;
			for (Outcome outcome : outcomes) {
				List<Expected> expected = ofType(outcome.scenario().expected(), type);
				List<Expected> found = ofType(outcome.found(), type);
				cases += expected.size();
				lookAlikes += outcome.scenario().lookAlikeOf().contains(type) ? 1 : 0;
				int matched = (int) found.stream().filter(expected::contains).count();
				right += matched;
				wrong += found.size() - matched;
				missed += expected.size() - matched;
			}
			if (cases + lookAlikes + wrong == 0) {
				continue;
			}
			table.append("| `")
				.append(type)
				.append("` | ")
				.append(cases)
				.append(" | ")
				.append(lookAlikes)
				.append(" | ")
				.append(right)
				.append(" | ")
				.append(wrong)
				.append(" | ")
				.append(missed)
				.append(" | ")
				.append(ratio(right, right + wrong))
				.append(" | ")
				.append(ratio(right, right + missed))
				.append(" |\n");
		}
		return table.toString();
	}

	private static List<Expected> ofType(List<Expected> findings, FindingType type) {
		return findings.stream().filter((finding) -> finding.type() == type).toList();
	}

	private static String ratio(int part, int whole) {
		return (whole == 0) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
	}

}
