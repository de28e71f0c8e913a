package dev.querylens.capture;

import java.util.List;
import java.util.function.Supplier;

import com.example.shop.OrderTree;
import com.example.shop.ShopService;
import org.apache.catalina.querylens.ServletContainer;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.samples.petclinic.owner.OwnerService;
import org.springframework.util.function.SupplierUtils;

import dev.querylens.it.PlainJdbcApplication;
import dev.querylens.jdbc.RecordingDataSource;
import dev.querylens.report.RecordingDescriptor;
import dev.querylens.web.RecordingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallSiteResolver}.
 */
class CallSiteResolverTests {

	private final CallSiteResolver resolver = new CallSiteResolver(CallSiteMode.FIRST_APP_FRAME,
			List.of("com.example.generated."));

	private final CallSiteResolver petClinic = new CallSiteResolver(CallSiteMode.FULL,
			List.of("org.springframework.samples.petclinic"), List.of(), CallSiteResolver.DEFAULT_MAX_CALL_PATH);

	@Test
	void frameworksDriversAndQueryLensAreNotApplicationCode() {
		assertThat(this.resolver.isApplication("org.springframework.jdbc.core.JdbcTemplate")).isFalse();
		assertThat(this.resolver.isApplication("org.hibernate.sql.exec.internal.JdbcSelectExecutorStandardImpl"))
			.isFalse();
		assertThat(this.resolver.isApplication("com.zaxxer.hikari.pool.ProxyPreparedStatement")).isFalse();
		assertThat(this.resolver.isApplicationClass(RecordingDataSource.class)).isFalse();
		assertThat(this.resolver.isApplication("com.example.shop.OrderService")).isTrue();
		assertThat(this.resolver.isApplication("dev.querylens.demo.shop.OrderService")).isTrue();
	}

	@Test
	void queryLensIsKnownByWhereItsClassesComeFromNotByAListOfItsPackages() {
		assertThat(this.resolver.isApplicationClass(RecordingDescriptor.class)).isFalse();
		assertThat(this.resolver.isApplicationClass(RecordingFilter.class)).isFalse();
		assertThat(this.resolver.isApplicationClass(CallSiteResolver.class)).isFalse();
		// The tests' own applications live in dev.querylens packages too, and are
		// application code.
		assertThat(this.resolver.isApplicationClass(PlainJdbcApplication.class)).isTrue();
		assertThat(this.resolver.isApplicationClass(CallSiteResolverTests.class)).isTrue();
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
	void anApplicationWhosePackageStartsWithSpringsHasItsCallSites() {
		CallSite callSite = OwnerService.throughSpring(this.petClinic::resolve);
		assertThat(callSite).isNotNull();
		assertThat(callSite.className()).isEqualTo(OwnerService.class.getName());
		assertThat(callSite.methodName()).isEqualTo("throughSpring");
	}

	@Test
	void anApplicationPackageDoesNotMakeTheFrameworkOrItsProxiesApplicationCode() {
		assertThat(this.petClinic.isApplicationClass(SupplierUtils.class)).isFalse();
		assertThat(this.petClinic.isApplicationClass(JdbcTemplate.class)).isFalse();
		assertThat(this.petClinic.isApplication("org.springframework.samples.petclinicextra.Owner")).isFalse();
		assertThat(this.petClinic
			.isApplication("org.springframework.samples.petclinic.owner.OwnerService$$SpringCGLIB$$0")).isFalse();
		assertThat(this.petClinic.isApplicationClass(OwnerService.class)).isTrue();
		CallSite callSite = OwnerService.throughSpring(this.petClinic::resolve);
		assertThat(callSite.callPath()).noneMatch((frame) -> frame.startsWith("org.springframework.util."));
	}

	@Test
	void theCachedVerdictIsTheVerdictOfTheRules() {
		List<Class<?>> types = List.of(String.class, JdbcTemplate.class, SupplierUtils.class, OwnerService.class,
				ShopService.class, OrderTree.class, Test.class, PlainJdbcApplication.class);
		for (CallSiteResolver resolver : List.of(this.resolver, this.petClinic)) {
			for (Class<?> type : types) {
				boolean rules = resolver.isApplication(type.getName());
				assertThat(resolver.isApplicationClass(type)).as(type.getName()).isEqualTo(rules);
				assertThat(resolver.isApplicationClass(type)).as(type.getName() + ", cached").isEqualTo(rules);
			}
		}
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
	void theCallPathListsTheApplicationFramesInnermostFirst() {
		CallSite callSite = new ShopService().listOrders(this.resolver::resolve);
		assertThat(callSite.callPath()).hasSize(2);
		assertThat(callSite.callPath().get(0)).isEqualTo(callSite.toString());
		assertThat(callSite.callPath().get(1))
			.startsWith(CallSiteResolverTests.class.getName() + ".theCallPathListsTheApplicationFramesInnermostFirst(");
	}

	@Test
	void theCallPathIsBounded() {
		CallSiteResolver resolver = new CallSiteResolver(CallSiteMode.FULL, List.of(), List.of(), 4);
		CallSite callSite = OrderTree.branch(20, resolver::resolve);
		List<String> path = callSite.callPath();
		assertThat(path).hasSize(4);
		assertThat(path.get(0)).startsWith("com.example.shop.OrderTree.leaf(");
		assertThat(path.subList(1, 4)).allMatch((frame) -> frame.startsWith("com.example.shop.OrderTree.branch("));
		assertThat(new CallSiteResolver(CallSiteMode.FULL, List.of(), List.of(), 1).resolve().callPath())
			.singleElement()
			.asString()
			.startsWith(CallSiteResolverTests.class.getName() + ".theCallPathIsBounded(");
	}

	@Test
	void theCallPathEndsWhereTheServletContainerCalledIn() {
		assertThat(this.resolver.isEntryPoint(ServletContainer.class)).isTrue();
		assertThat(this.resolver.isEntryPoint(JdbcTemplate.class)).isFalse();
		CallSite callSite = ServletContainer.dispatch(() -> OrderTree.branch(2, this.resolver::resolve));
		// The leaf, three branches and this test's lambda (shown as this test method, at
		// the lambda's line); not this test method's own frame, below the container.
		List<String> path = callSite.callPath();
		assertThat(path).hasSize(5);
		assertThat(path.subList(0, 4)).allMatch((frame) -> frame.startsWith("com.example.shop.OrderTree."));
		assertThat(path.get(4))
			.startsWith(CallSiteResolverTests.class.getName() + ".theCallPathEndsWhereTheServletContainerCalledIn(");
	}

	@Test
	void aLambdaIsShownAsTheMethodThatEnclosesItAtTheLambdasLine() {
		Supplier<CallSite> inALambda = () -> this.resolver.resolve();
		int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
		CallSite callSite = inALambda.get();
		assertThat(callSite.methodName()).isEqualTo("aLambdaIsShownAsTheMethodThatEnclosesItAtTheLambdasLine");
		assertThat(callSite).hasToString(CallSiteResolverTests.class.getName()
				+ ".aLambdaIsShownAsTheMethodThatEnclosesItAtTheLambdasLine(CallSiteResolverTests.java:" + line + ")");
		assertThat(callSite.callPath().get(0)).isEqualTo(callSite.toString());
	}

	@Test
	void theCallPathTakesNoPartInWhetherTwoCallSitesAreTheSame() {
		CallSite inner = OrderTree.branch(0, this.resolver::resolve);
		CallSite sameLeafDeeper = OrderTree.branch(0, this.resolver::resolve);
		CallSite plain = new CallSite(inner.className(), inner.methodName(), inner.fileName(), inner.lineNumber());
		assertThat(inner).isEqualTo(plain).hasSameHashCodeAs(plain).isEqualTo(sameLeafDeeper);
		assertThat(inner.callPath()).hasSizeGreaterThan(plain.callPath().size());
		assertThat(CallSite.described("view:orders/list").callPath()).containsExactly("view:orders/list");
	}

	@Test
	void onlyTheFirstExecutionsOfAStatementResolveTheirCallSite() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 100);
		int resolved = 0;
		for (int i = 0; i < 50; i++) {
			if (this.resolver.shouldResolve(started, "select 1")) {
				resolved++;
			}
		}
		assertThat(resolved).isEqualTo(Recording.CALL_SITE_SAMPLES);
		assertThat(new CallSiteResolver(CallSiteMode.NONE, List.of()).shouldResolve(started, "select 2")).isFalse();
		assertThat(new CallSiteResolver(CallSiteMode.FULL, List.of()).shouldResolve(started, "select 1")).isTrue();
	}

}
