package dev.querylens.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SpringBootVersionCheck}: an application on Spring Boot 3 stops at
 * start-up with one line that says which Spring Boot QueryLens supports, instead of
 * starting and half working.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootVersionCheckTests {

	@Test
	void springBoot4AndLaterAreSupported() {
		assertThat(SpringBootVersionCheck.isSupported("4.0.7")).isTrue();
		assertThat(SpringBootVersionCheck.isSupported("4.1.2")).isTrue();
		assertThat(SpringBootVersionCheck.isSupported("4.2.0-SNAPSHOT")).isTrue();
		assertThat(SpringBootVersionCheck.isSupported("5.0.0")).isTrue();
		assertThat(SpringBootVersionCheck.isSupported(SpringBootVersion.getVersion())).isTrue();
	}

	@Test
	void springBoot3AndEarlierAreNot() {
		assertThat(SpringBootVersionCheck.isSupported("3.5.7")).isFalse();
		assertThat(SpringBootVersionCheck.isSupported("3.0.0-M1")).isFalse();
		assertThat(SpringBootVersionCheck.isSupported("2.7.18")).isFalse();
	}

	@Test
	void aVersionThatCannotBeReadIsLetThrough() {
		assertThat(SpringBootVersionCheck.isSupported(null)).isTrue();
		assertThat(SpringBootVersionCheck.isSupported("")).isTrue();
		assertThat(SpringBootVersionCheck.isSupported("unknown")).isTrue();
		assertThat(SpringBootVersionCheck.isSupported("99999999999.0")).isTrue();
	}

	@Test
	void theCheckAndItsReportAreRegisteredWithKeysSpringBoot3ReadsToo() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
			.hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
		// Boot's own analyzers need constructor arguments only Boot passes: skipped here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(UnsupportedSpringBootFailureAnalyzer.class);
	}

	@Test
	void onSpringBoot3TheApplicationFailsToStartWithOneLineThatNamesTheSupportedVersions(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(new SpringBootVersionCheck("3.5.7"));
		assertThatIllegalStateException().isThrownBy(application::run)
			.withMessage("QueryLens supports Spring Boot 4.0 and 4.1 (Java 17 or later); this application runs "
					+ "Spring Boot 3.5.7.");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("QueryLens supports Spring Boot 4.0 and 4.1 (Java 17 or later); this application runs "
					+ "Spring Boot 3.5.7.")
			.contains(
					"Run the application on Spring Boot 4.0 or 4.1, or remove the querylens-spring-boot-starter dependency.")
			.doesNotContain("at dev.querylens.autoconfigure.SpringBootVersionCheck");
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
