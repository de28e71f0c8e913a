package dev.querylens.test;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link Baseline} and {@link BaselineEntry}.
 */
class BaselineTests {

	@TempDir
	Path directory;

	@Test
	void writtenAndReadBackItHoldsTheSameEntriesWhateverTheirCharacters() {
		Path file = this.directory.resolve("querylens-baseline.json");
		List<BaselineEntry> entries = List.of(
				new BaselineEntry("com.example.ATests", "N_PLUS_ONE", "select \"x\" from t where a = '\\' and b = ?\n",
						"com.example.A.m(A.java)"),
				new BaselineEntry("com.example.BTests", "DUPLICATE_QUERY", "select 1", null));
		new Baseline(entries).write(file);
		assertThat(Baseline.read(file).getEntries()).containsExactlyElementsOf(entries);
	}

	@Test
	void aMissingFileIsAnEmptyBaselineAndABrokenOneSaysWhere() throws Exception {
		assertThat(Baseline.read(this.directory.resolve("none.json")).getEntries()).isEmpty();
		Path broken = this.directory.resolve("broken.json");
		java.nio.file.Files.writeString(broken, "{\"findings\": [{\"type\": \"N_PLUS_ONE\"}]}");
		assertThatIllegalStateException().isThrownBy(() -> Baseline.read(broken))
			.withMessageContaining(broken.toString())
			.withMessageContaining("no \"fingerprint\"");
	}

	@Test
	void aFindingMatchesWhateverItsLineNumberAndTest() {
		Baseline baseline = new Baseline(List.of(BaselineEntry.of("ATests", finding("a.B.m(B.java:31)"))));
		assertThat(baseline.contains(BaselineEntry.of("OtherTests", finding("a.B.m(B.java:45)")))).isTrue();
		assertThat(baseline.contains(BaselineEntry.of("ATests", finding("a.B.other(B.java:31)")))).isFalse();
		assertThat(baseline.newFindings("ATests", List.of(finding("a.B.m(B.java:3)"), finding("a.C.m(C.java:3)"))))
			.extracting(Finding::callSite)
			.containsExactly("a.C.m(C.java:3)");
	}

	@Test
	void replacingATestsEntriesKeepsTheOtherTestsAndGoneOnesAreThoseNotSeen() {
		BaselineEntry a = BaselineEntry.of("ATests", finding("a.A.m(A.java:1)"));
		BaselineEntry b = BaselineEntry.of("ATests", finding("a.B.m(B.java:1)"));
		BaselineEntry other = BaselineEntry.of("OtherTests", finding("a.C.m(C.java:1)"));
		Baseline baseline = new Baseline(List.of(a, b, other));
		assertThat(baseline.goneEntries("ATests", List.of(a))).containsExactly(b);
		assertThat(baseline.replace("ATests", List.of(a, a)).getEntries()).containsExactlyInAnyOrder(other, a);
	}

	private static Finding finding(String callSite) {
		return new Finding(FindingType.N_PLUS_ONE, Severity.WARNING, "message", "select * from t where id = ?", 5,
				callSite, null, "fix", List.of(1, 2, 3), false);
	}

}
