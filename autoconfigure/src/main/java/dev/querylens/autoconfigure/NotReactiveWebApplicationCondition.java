package dev.querylens.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Matches every application but a reactive web one. QueryLens records HTTP requests
 * through a servlet filter only, so in a WebFlux application what reports requests (the
 * endpoint, the meters) would stay empty forever.
 */
final class NotReactiveWebApplicationCondition extends NoneNestedConditions {

	NotReactiveWebApplicationCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static final class ReactiveWebApplication {

	}

}
