package dev.querylens.analysis;

import java.util.Locale;

/**
 * A rule that silences the findings it matches. Every part that is given must match; a
 * part that is {@code null} matches anything. Patterns match the whole value, with
 * {@code *} standing for any run of characters.
 *
 * @param type the finding type, or {@code null} for any type
 * @param fingerprint a pattern of the finding's statement fingerprint, matched ignoring
 * case and runs of whitespace, e.g. {@code select * from audit_event*}, or {@code null}
 * @param callSite a pattern of the finding's call site, matched against both
 * {@code com.example.Job.run(Job.java:12)} and {@code com.example.Job.run}, e.g.
 * {@code com.example.batch.*}, or {@code null}
 * @param association a pattern of the finding's association, e.g. {@code Order.customer}
 * or {@code Order.*}, or {@code null}
 */
public record IgnoreRule(FindingType type, String fingerprint, String callSite, String association) {

	public IgnoreRule {
		fingerprint = (fingerprint != null) ? normalizeSql(fingerprint) : null;
		callSite = blankToNull(callSite);
		association = blankToNull(association);
		if (type == null && fingerprint == null && callSite == null && association == null) {
			throw new IllegalArgumentException(
					"An ignore rule needs a type, a fingerprint, a call-site or an association; one with none "
							+ "would silence every finding");
		}
	}

	/**
	 * Returns a rule that silences every finding of a type.
	 * @param type the type
	 * @return the rule
	 */
	public static IgnoreRule ofType(FindingType type) {
		return new IgnoreRule(type, null, null, null);
	}

	/**
	 * Whether this rule silences the finding.
	 * @param finding the finding
	 * @return whether every given part matches
	 */
	public boolean matches(Finding finding) {
		if (this.type != null && this.type != finding.type()) {
			return false;
		}
		if (this.fingerprint != null
				&& (finding.fingerprint() == null || !matches(this.fingerprint, normalizeSql(finding.fingerprint())))) {
			return false;
		}
		if (this.callSite != null && !matchesCallSite(finding.callSite())) {
			return false;
		}
		return this.association == null
				|| (finding.association() != null && matches(this.association, finding.association()));
	}

	private boolean matchesCallSite(String site) {
		if (site == null) {
			return false;
		}
		if (matches(this.callSite, site)) {
			return true;
		}
		int paren = site.indexOf('(');
		return paren > 0 && matches(this.callSite, site.substring(0, paren));
	}

	/**
	 * Whether a value matches a pattern in which {@code *} stands for any run of
	 * characters, the whole value.
	 * @param pattern the pattern
	 * @param value the value
	 * @return whether it matches
	 */
	static boolean matches(String pattern, String value) {
		int p = 0;
		int v = 0;
		int star = -1;
		int resume = 0;
		while (v < value.length()) {
			if (p < pattern.length() && pattern.charAt(p) == '*') {
				star = p++;
				resume = v;
			}
			else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
				p++;
				v++;
			}
			else if (star >= 0) {
				// Let the last star swallow one more character and retry from there.
				p = star + 1;
				v = ++resume;
			}
			else {
				return false;
			}
		}
		while (p < pattern.length() && pattern.charAt(p) == '*') {
			p++;
		}
		return p == pattern.length();
	}

	private static String normalizeSql(String sql) {
		String collapsed = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return collapsed.isEmpty() ? null : collapsed;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
