package dev.querylens.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.querylens.capture.Recording;

import static dev.querylens.analysis.Recordings.recording;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IgnoreRules}: configured rules, {@link QueryLensIgnore} found by
 * reflection on the call site's method or class, and the types a recording was told to
 * ignore.
 */
class IgnoreRulesTests {

	private static final String REPORTS = "com.example.ignoring.LegacyReports";

	private final IgnoreRules rules = IgnoreRules.annotationsOnly();

	@Test
	void anAnnotatedMethodSilencesItsTypes() {
		assertThat(this.rules.findAnnotatedTypes(REPORTS + ".customerNamesAccepted(LegacyReports.java:27)"))
			.containsExactly(FindingType.N_PLUS_ONE);
	}

	@Test
	void aLambdaBelongsToTheMethodItIsWrittenIn() {
		assertThat(this.rules.findAnnotatedTypes(REPORTS + ".lambda$customerNamesAccepted$0(LegacyReports.java:27)"))
			.containsExactly(FindingType.N_PLUS_ONE);
	}

	@Test
	void aMethodWithoutTheAnnotationSilencesNothing() {
		assertThat(this.rules.findAnnotatedTypes(REPORTS + ".customerNames(LegacyReports.java:31)")).isEmpty();
		assertThat(this.rules.findAnnotatedTypes(REPORTS + ".lambda$customerNames$1(LegacyReports.java:31)")).isEmpty();
	}

	@Test
	void anAnnotatedClassWithNoTypesSilencesEveryType() {
		assertThat(this.rules.findAnnotatedTypes(REPORTS + "$Everything.run(LegacyReports.java:44)"))
			.isEqualTo(EnumSet.allOf(FindingType.class));
	}

	@Test
	void anUnknownClassOrAViewSilencesNothing() {
		assertThat(this.rules.findAnnotatedTypes("com.example.NoSuchClass.run(NoSuchClass.java:1)")).isEmpty();
		assertThat(this.rules.findAnnotatedTypes("view:orders/list")).isEmpty();
		assertThat(this.rules.findAnnotatedTypes(null)).isEmpty();
	}

	@Test
	void theLookUpIsCachedPerMethod() {
		String site = REPORTS + ".customerNamesAccepted(LegacyReports.java:27)";
		assertThat(this.rules.findAnnotatedTypes(site)).isSameAs(this.rules.findAnnotatedTypes(site));
	}

	@Test
	void findingsAreMarkedIgnoredInPlaceAndOthersAreLeftAsTheyWere() {
		Finding annotated = finding(FindingType.N_PLUS_ONE,
				REPORTS + ".lambda$customerNamesAccepted$0(LegacyReports.java:27)");
		Finding other = finding(FindingType.N_PLUS_ONE, REPORTS + ".customerNames(LegacyReports.java:31)");
		List<Finding> applied = this.rules.apply(List.of(annotated, other), recording().finish());
		assertThat(applied).extracting(Finding::ignored).containsExactly(true, false);
		assertThat(applied.get(0)).usingRecursiveComparison().ignoringFields("ignored").isEqualTo(annotated);
		assertThat(applied.get(1)).isSameAs(other);
	}

	@Test
	void theTypesARecordingIgnoresAreSilencedWhereverTheyComeFrom() {
		Recording recording = recording().attach(IgnoreRules.IGNORED_BY_HANDLER, Set.of(FindingType.DUPLICATE_QUERY))
			.finish();
		List<Finding> applied = this.rules.apply(
				List.of(finding(FindingType.DUPLICATE_QUERY, null), finding(FindingType.N_PLUS_ONE, null)), recording);
		assertThat(applied).extracting(Finding::ignored).containsExactly(true, false);
	}

	@Test
	void configuredRulesSilenceWhatTheyMatch() {
		IgnoreRules configured = new IgnoreRules(List.of(new IgnoreRule(null, null, "com.example.batch.*", null)),
				false);
		List<Finding> applied = configured.apply(
				List.of(finding(FindingType.N_PLUS_ONE, "com.example.batch.Job.run(Job.java:3)"),
						finding(FindingType.N_PLUS_ONE, REPORTS + ".customerNamesAccepted(LegacyReports.java:27)")),
				recording().finish());
		assertThat(applied).extracting(Finding::ignored).as("annotations off").containsExactly(true, false);
	}

	private static Finding finding(FindingType type, String callSite) {
		return new Finding(type, Severity.WARNING, "m", "select 1", 3, callSite, null, "s", List.of(0, 1, 2), false);
	}

}
