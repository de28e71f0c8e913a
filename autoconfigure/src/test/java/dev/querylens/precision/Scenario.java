package dev.querylens.precision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.querylens.analysis.FindingType;

/**
 * One scenario of the precision corpus: a request, the findings it must give (and no
 * others), and the finding types it is the nearest look-alike of (it must stay silent for
 * them).
 *
 * @param name what it shows, in the user's words
 * @param path the request's path
 * @param expected the findings, exactly
 * @param lookAlikeOf the types whose true case it resembles
 * @param advice text each finding of a type must contain in its message or fix
 */
record Scenario(String name, String path, List<Expected> expected, Set<FindingType> lookAlikeOf,
		Map<FindingType, List<String>> advice) {

	static Scenario of(String name, String path) {
		return new Scenario(name, path, List.of(), EnumSet.noneOf(FindingType.class), Map.of());
	}

	Scenario finds(FindingType type, @Nullable String association, String callSite, int count) {
		List<Expected> findings = new ArrayList<>(this.expected);
		findings.add(new Expected(type, association, callSite, count));
		return new Scenario(this.name, this.path, findings, this.lookAlikeOf, this.advice);
	}

	Scenario saying(FindingType type, String... texts) {
		Map<FindingType, List<String>> advice = new LinkedHashMap<>(this.advice);
		advice.put(type, List.of(texts));
		return new Scenario(this.name, this.path, this.expected, this.lookAlikeOf, advice);
	}

	Scenario silentFor(FindingType first, FindingType... others) {
		Set<FindingType> types = EnumSet.of(first, others);
		types.addAll(this.lookAlikeOf);
		return new Scenario(this.name, this.path, this.expected, types, this.advice);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.path + ")";
	}

	/**
	 * A finding as the corpus states it.
	 *
	 * @param type its type
	 * @param association the JPA association it names, or {@code null}
	 * @param callSite the innermost application frame, as {@code Class.method}
	 * @param count the statements (or repeats) it covers
	 */
	record Expected(FindingType type, @Nullable String association, String callSite, int count) {

		@Override
		public String toString() {
			return this.type + " " + this.association + " at " + this.callSite + " ×" + this.count;
		}

	}

}
