package dev.querylens.analysis;

import dev.querylens.capture.Recording;

/**
 * Writes a finding, and the recording it was found in, as one line of text: the one
 * wording that the WARN log line, the test API's failure message and the fail action's
 * response body all show.
 */
public final class FindingText {

	private FindingText() {
	}

	/**
	 * Writes a finding with its type, as failure messages list it.
	 * @param finding the finding
	 * @return e.g.
	 * {@code N_PLUS_ONE: 3 × `select …` (Order.customer) at OrderService.list
	 * — add a fetch join}
	 */
	public static String of(Finding finding) {
		return finding.type() + ": " + withoutType(finding);
	}

	/**
	 * Writes a finding without its type, for a line that already names it.
	 * @param finding the finding
	 * @return e.g. {@code 3 × `select …` (Order.customer) at OrderService.list — add a
	 * fetch join}
	 */
	public static String withoutType(Finding finding) {
		StringBuilder line = new StringBuilder();
		line.append(finding.count()).append(" × `").append(finding.fingerprint()).append('`');
		if (finding.association() != null) {
			line.append(" (").append(finding.association()).append(')');
		}
		if (finding.callSite() != null) {
			line.append(" at ").append(finding.callSite());
		}
		if (finding.suggestion() != null) {
			line.append(" — ").append(finding.suggestion());
		}
		return line.toString();
	}

	/**
	 * Names a recording by its method, path and id.
	 * @param recording the recording
	 * @return e.g. {@code GET /orders [0a1b2c3d4e5f]}
	 */
	public static String nameOf(Recording recording) {
		return ((recording.getMethod() != null) ? recording.getMethod() + " " : "") + recording.getUri() + " ["
				+ recording.getId() + "]";
	}

}
