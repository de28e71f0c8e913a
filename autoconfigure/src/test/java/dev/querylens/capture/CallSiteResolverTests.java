package dev.querylens.capture;

import java.util.List;

import com.example.shop.ShopService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallSiteResolver}.
 */
class CallSiteResolverTests {

	private final CallSiteResolver resolver = new CallSiteResolver(CallSiteMode.FIRST_APP_FRAME,
			List.of("com.example.generated."));

	@Test
	void frameworksDriversAndQueryLensAreNotApplicationCode() {
		assertThat(this.resolver.isApplication("org.springframework.jdbc.core.JdbcTemplate")).isFalse();
		assertThat(this.resolver.isApplication("org.hibernate.sql.exec.internal.JdbcSelectExecutorStandardImpl"))
			.isFalse();
		assertThat(this.resolver.isApplication("com.zaxxer.hikari.pool.ProxyPreparedStatement")).isFalse();
		assertThat(this.resolver.isApplication("dev.querylens.jdbc.RecordingPreparedStatement")).isFalse();
		assertThat(this.resolver.isApplication("com.example.shop.OrderService")).isTrue();
		assertThat(this.resolver.isApplication("dev.querylens.demo.shop.OrderService")).isTrue();
	}

	@Test
	void generatedProxiesAreSkippedIncludingHibernate7LazyProxies() {
		assertThat(this.resolver.isApplication("com.example.shop.Customer$HibernateProxy")).isFalse();
		assertThat(this.resolver.isApplication("com.example.shop.Customer$HibernateProxy$tXyZ")).isFalse();
		assertThat(this.resolver.isApplication("com.example.shop.OrderService$$SpringCGLIB$$0")).isFalse();
		assertThat(this.resolver.isApplication("jdk.proxy2.$Proxy87")).isFalse();
	}

	@Test
	void configuredExcludesAreSkipped() {
		assertThat(this.resolver.isApplication("com.example.generated.Mapper")).isFalse();
	}

	@Test
	void theCallSiteIsTheFirstApplicationFrame() {
		CallSiteResolver resolver = new CallSiteResolver(CallSiteMode.FIRST_APP_FRAME, List.of());
		CallSite callSite = new ShopService().listOrders(resolver::resolve);
		assertThat(callSite.className()).isEqualTo(ShopService.class.getName());
		assertThat(callSite.methodName()).isEqualTo("listOrders");
		assertThat(callSite.toString()).startsWith("com.example.shop.ShopService.listOrders(ShopService.java:");
	}

	@Test
	void onlyTheFirstExecutionsOfAStatementResolveTheirCallSite() {
		Recording recording = Recording.start(Kind.TEST, null, "t", null, 100);
		int resolved = 0;
		for (int i = 0; i < 50; i++) {
			if (this.resolver.shouldResolve(recording, "select 1")) {
				resolved++;
			}
		}
		assertThat(resolved).isEqualTo(Recording.CALL_SITE_SAMPLES);
		assertThat(new CallSiteResolver(CallSiteMode.NONE, List.of()).shouldResolve(recording, "select 2")).isFalse();
		assertThat(new CallSiteResolver(CallSiteMode.FULL, List.of()).shouldResolve(recording, "select 1")).isTrue();
	}

}
