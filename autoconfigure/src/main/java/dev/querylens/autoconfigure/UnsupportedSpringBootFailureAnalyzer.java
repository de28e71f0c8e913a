package dev.querylens.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.querylens.autoconfigure.SpringBootVersionCheck.UnsupportedSpringBootException;

/**
 * Reports an unsupported Spring Boot in one line, instead of a stack trace.
 */
final class UnsupportedSpringBootFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedSpringBootException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Run the application on Spring Boot 4.0 or 4.1, or remove the querylens-spring-boot-starter dependency.",
				cause);
	}

}
