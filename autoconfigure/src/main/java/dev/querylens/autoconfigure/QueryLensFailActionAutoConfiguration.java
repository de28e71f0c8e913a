package dev.querylens.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.servlet.DispatcherServlet;

import dev.querylens.analysis.FindingType;
import dev.querylens.store.RecordingCollector;
import dev.querylens.analysis.FindingFailure;
import dev.querylens.web.ResponseVeto;

/**
 * Auto-configuration of {@code querylens.n-plus-one.action=fail}: a request whose
 * recording has an N+1 is answered with a 500 naming it. Refused at start-up outside
 * tests, so that it never turns a production request into an error by accident.
 * <p>
 * A test is an application whose environment has the {@code test} profile active, or
 * whose context Spring's TestContext framework built (see {@link TestFramework}). JUnit
 * or spring-test on the classpath is not enough: a production jar may carry them.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnBean(RecordingCollector.class)
@ConditionalOnProperty(name = "querylens.n-plus-one.action", havingValue = "fail")
public final class QueryLensFailActionAutoConfiguration {

	@Bean
	FindingFailure nPlusOneFailure(Environment environment) {
		if (!isTest(environment)) {
			throw new IllegalStateException("querylens.n-plus-one.action=fail answers every request with an N+1 "
					+ "with a 500, so it is only allowed in tests: activate the 'test' profile, or start the "
					+ "application with Spring's test framework (@SpringBootTest, @WebMvcTest, ...). Use 'log' or "
					+ "'none' elsewhere.");
		}
		return new FindingFailure(List.of(FindingType.N_PLUS_ONE));
	}

	static boolean isTest(Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("test"))) {
			return true;
		}
		return TestFramework.builtContextOf(environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	static final class WebConfiguration {

		@Bean
		ResponseVeto nPlusOneResponseVeto(FindingFailure nPlusOneFailure) {
			return nPlusOneFailure::findFailure;
		}

	}

}
