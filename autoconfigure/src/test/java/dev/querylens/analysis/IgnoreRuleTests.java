package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IgnoreRule}.
 */
class IgnoreRuleTests {

	private static final Finding CUSTOMER_N_PLUS_ONE = new Finding(FindingType.N_PLUS_ONE, Severity.WARNING, "m",
			"select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?", 4,
			"com.example.batch.NightlyJob.run(NightlyJob.java:31)", "Order.customer", "s", List.of(1, 2, 3, 4), false);

	private static final Finding DUPLICATE = new Finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, "m",
			"select * from settings", 2, "com.example.web.HomeController.home(HomeController.java:12)", null, "s",
			List.of(0, 1), false);

	@Test
	void aTypeOnlyRuleMatchesEveryFindingOfThatType() {
		IgnoreRule rule = IgnoreRule.ofType(FindingType.N_PLUS_ONE);
		assertThat(rule.matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(rule.matches(DUPLICATE)).isFalse();
	}

	@Test
	void aCallSitePatternMatchesThePackageWithAWildcard() {
		assertThat(callSite("com.example.batch.*").matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(callSite("com.example.batch.*").matches(DUPLICATE)).isFalse();
		assertThat(callSite("*NightlyJob.run").matches(CUSTOMER_N_PLUS_ONE)).isTrue();
	}

	@Test
	void aCallSitePatternMatchesTheMethodWithoutItsLine() {
		assertThat(callSite("com.example.batch.NightlyJob.run").matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(callSite("com.example.batch.NightlyJob.run(NightlyJob.java:31)").matches(CUSTOMER_N_PLUS_ONE))
			.isTrue();
		assertThat(callSite("com.example.batch.NightlyJob.r").matches(CUSTOMER_N_PLUS_ONE)).isFalse();
		assertThat(callSite("com.example.batch").matches(CUSTOMER_N_PLUS_ONE)).isFalse();
	}

	@Test
	void anAssociationPatternMatchesExactlyOrWithAWildcard() {
		assertThat(association("Order.customer").matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(association("Order.*").matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(association("Order.items").matches(CUSTOMER_N_PLUS_ONE)).isFalse();
		assertThat(association("Order").matches(CUSTOMER_N_PLUS_ONE)).isFalse();
		assertThat(association("*").matches(DUPLICATE)).as("a finding without association").isFalse();
	}

	@Test
	void aFingerprintPatternIgnoresCaseAndWhitespace() {
		assertThat(fingerprint("SELECT  c1_0.id,c1_0.name FROM customer *").matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(fingerprint("select * from settings").matches(DUPLICATE)).isTrue();
		assertThat(fingerprint("select * from settings").matches(CUSTOMER_N_PLUS_ONE)).isFalse();
	}

	@Test
	void everyGivenPartMustMatch() {
		assertThat(new IgnoreRule(FindingType.N_PLUS_ONE, null, "com.example.batch.*", "Order.customer")
			.matches(CUSTOMER_N_PLUS_ONE)).isTrue();
		assertThat(new IgnoreRule(FindingType.DUPLICATE_QUERY, null, "com.example.batch.*", null)
			.matches(CUSTOMER_N_PLUS_ONE)).isFalse();
		assertThat(new IgnoreRule(null, null, "com.example.batch.*", "Order.items").matches(CUSTOMER_N_PLUS_ONE))
			.isFalse();
	}

	@Test
	void aRuleThatMatchesNothingIgnoresNothing() {
		IgnoreRule rule = new IgnoreRule(null, null, "com.example.legacy.*", null);
		assertThat(rule.matches(CUSTOMER_N_PLUS_ONE)).isFalse();
		assertThat(rule.matches(DUPLICATE)).isFalse();
	}

	@Test
	void aRuleWithNoPartIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IgnoreRule(null, " ", "", null))
			.withMessageContaining("would silence every finding");
	}

	@Test
	void wildcardsMatchAnyRunIncludingNone() {
		assertThat(IgnoreRule.matches("a*b*c", "abc")).isTrue();
		assertThat(IgnoreRule.matches("a*b*c", "axxbyyc")).isTrue();
		assertThat(IgnoreRule.matches("a*b*c", "axxbyy")).isFalse();
		assertThat(IgnoreRule.matches("*", "")).isTrue();
		assertThat(IgnoreRule.matches("**x", "aax")).isTrue();
		assertThat(IgnoreRule.matches("a*", "b")).isFalse();
		assertThat(IgnoreRule.matches("*.run", "com.example.Job.run")).isTrue();
		assertThat(IgnoreRule.matches("a.b", "a.b")).isTrue();
		assertThat(IgnoreRule.matches("a.b", "axb")).as("a dot is a dot").isFalse();
	}

	private static IgnoreRule callSite(String pattern) {
		return new IgnoreRule(null, null, pattern, null);
	}

	private static IgnoreRule association(String pattern) {
		return new IgnoreRule(null, null, null, pattern);
	}

	private static IgnoreRule fingerprint(String pattern) {
		return new IgnoreRule(null, pattern, null, null);
	}

}
