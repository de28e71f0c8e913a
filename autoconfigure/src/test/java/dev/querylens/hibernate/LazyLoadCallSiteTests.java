package dev.querylens.hibernate;

import java.util.List;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.shop.Order;
import dev.querylens.analysis.shop.Shop;
import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.jdbc.RecordingDataSource;
import dev.querylens.orm.EntityLoads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lazy load's call site, where the application touched the association, is the call
 * site of the statements it runs: found by the one stack walk of its statement, not by a
 * second walk of the same frames. Counted in walks, on a Hibernate session factory over a
 * recording data source, with every statement's call site captured.
 */
class LazyLoadCallSiteTests {

	private static final CallSiteResolver callSites = new CallSiteResolver(CallSiteMode.FULL, List.of());

	private static Shop shop;

	@BeforeAll
	static void startShop() {
		shop = new Shop("lazy-load-call-sites", (dataSource) -> new RecordingDataSource(dataSource, "dataSource",
				new JdbcCaptureSettings(true, 100, callSites)));
		new LazyLoadRecorder(callSites)
			.register(shop.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class));
		shop.seed();
	}

	@AfterAll
	static void closeShop() {
		shop.close();
	}

	@Test
	void eachLazyLoadTakesTheCallSiteOfItsStatementWithoutWalkingTheStackAgain() {
		long before = callSites.resolutions();
		Recording recording = record(() -> shop.inTransaction((em) -> {
			for (Order order : em.createQuery("select o from Order o order by o.id", Order.class).getResultList()) {
				order.getCustomer().getName();
				order.getItems().size();
			}
		}));
		long walks = callSites.resolutions() - before;
		List<QueryEvent> queries = recording.getQueries();
		// The orders, 2 customers, 6 collections of items.
		assertThat(queries).hasSize(9);
		assertThat(EntityLoads.of(recording).lazyLoads()).hasSize(8).allSatisfy((load) -> {
			assertThat(load.queryCount()).isEqualTo(1);
			assertThat(load.callSite()).isEqualTo(queries.get(load.firstQueryIndex()).callSite());
			assertThat(load.callSite().className()).isEqualTo(LazyLoadCallSiteTests.class.getName());
		});
		assertThat(walks).as("stack walks").isEqualTo(queries.size());
	}

	@Test
	void aLazyLoadWhoseStatementsFoundNoCallSiteWalksTheStackItself() {
		CallSiteResolver loadsOnly = new CallSiteResolver(CallSiteMode.FULL, List.of());
		try (Shop statementsWithout = new Shop("lazy-load-call-sites-alone",
				(dataSource) -> new RecordingDataSource(dataSource, "dataSource",
						new JdbcCaptureSettings(true, 100, new CallSiteResolver(CallSiteMode.NONE, List.of()))))) {
			new LazyLoadRecorder(loadsOnly)
				.register(statementsWithout.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class));
			statementsWithout.seed();
			long before = loadsOnly.resolutions();
			Recording recording = record(() -> statementsWithout.inTransaction((em) -> {
				for (Order order : em.createQuery("select o from Order o order by o.id", Order.class).getResultList()) {
					order.getCustomer().getName();
				}
			}));
			assertThat(recording.getQueries()).allSatisfy((query) -> assertThat(query.callSite()).isNull());
			assertThat(EntityLoads.of(recording).lazyLoads()).hasSize(2).allSatisfy((load) -> {
				assertThat(load.callSite()).isNotNull();
				assertThat(load.callSite().className()).isEqualTo(LazyLoadCallSiteTests.class.getName());
			});
			assertThat(loadsOnly.resolutions() - before).as("stack walks").isEqualTo(2);
		}
	}

	private static Recording record(Runnable work) {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 1000);
		try (CurrentRecording.Scope scope = CurrentRecording.bind(started)) {
			work.run();
		}
		Recording recording = started.finish(0, null);
		return recording;
	}

}
