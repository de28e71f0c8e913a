package dev.querylens.test;

import java.util.Objects;

import dev.querylens.analysis.Finding;

/**
 * A known finding kept in a {@link Baseline}: its type, the shape of its statement and
 * its call site, with the test class that saw it. Line numbers are left out of the call
 * site, so that editing a file above a known finding does not make it new.
 *
 * @param test the test class that saw it
 * @param type the finding type's name
 * @param fingerprint the statement's fingerprint
 * @param callSite the call site without its line number, or {@code null}
 */
public record BaselineEntry(String test, String type, String fingerprint, String callSite) {

	/**
	 * Creates the entry for a finding.
	 * @param test the test class that saw it
	 * @param finding the finding
	 * @return the entry
	 */
	public static BaselineEntry of(String test, Finding finding) {
		return new BaselineEntry(test, finding.type().name(), finding.fingerprint(), withoutLine(finding.callSite()));
	}

	/**
	 * Whether this entry stands for the same finding as another, whichever test saw them.
	 * @param other the other entry
	 * @return whether type, fingerprint and call site are equal
	 */
	public boolean matches(BaselineEntry other) {
		return this.type.equals(other.type) && this.fingerprint.equals(other.fingerprint)
				&& Objects.equals(this.callSite, other.callSite);
	}

	/**
	 * Removes the line number from a call site: {@code a.B.m(B.java:31)} becomes
	 * {@code a.B.m(B.java)}.
	 * @param callSite the call site, may be {@code null}
	 * @return the call site without its line number
	 */
	static String withoutLine(String callSite) {
		if (callSite == null) {
			return null;
		}
		return callSite.replaceFirst(":\\d+\\)$", ")");
	}

	@Override
	public String toString() {
		return this.type + " `" + this.fingerprint + "`" + ((this.callSite != null) ? " at " + this.callSite : "")
				+ " (" + this.test + ")";
	}

}
