package dev.querylens.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EntityLoads}.
 */
class EntityLoadsTests {

	private static final CallSite SITE = new CallSite("com.example.OrderRow", "of", "OrderRow.java", 17);

	@Test
	void lazyLoadsAreKeptInOrderAndFrozenWithTheRecording() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 10);
		LazyLoad first = load(0);
		LazyLoad second = load(1);
		EntityLoads.Recorder recorder = EntityLoads.recorder(started);
		recorder.recordLazyLoad(first);
		EntityLoads.recorder(started).recordLazyLoad(second);
		Recording recording = started.finish(0, null);
		recorder.recordLazyLoad(load(2));
		EntityLoads.recorder(started).recordLazyLoad(load(3));
		assertThat(EntityLoads.of(recording).lazyLoads()).containsExactly(first, second);
	}

	@Test
	void aRecordingNoOrmToldAnythingHasNoLoads() {
		Recording recording = Recording.start(Kind.TEST, null, "t", null, 10).finish(0, null);
		assertThat(EntityLoads.of(recording)).isSameAs(EntityLoads.NONE);
		assertThat(EntityLoads.NONE.lazyLoads()).isEmpty();
		assertThat(EntityLoads.NONE.isEntityStatement(0)).isFalse();
	}

	@Test
	void lazyLoadsAreBoundedLikeTheQueriesKept() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 2);
		for (int i = 0; i < 5; i++) {
			EntityLoads.recorder(started).recordLazyLoad(load(i));
		}
		assertThat(EntityLoads.of(started.finish(0, null)).lazyLoads()).hasSize(2);
	}

	@Test
	void entityStatementsAreKeptForTheStatementsKeptWithTheFirstRepositoryMethodKnown() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 2);
		EntityLoads.Recorder recorder = EntityLoads.recorder(started);
		recorder.recordEntityStatement(0, null);
		recorder.recordEntityStatement(0, "OrderRepository.findAll");
		recorder.recordEntityStatement(0, "OrderRepository.findById");
		recorder.recordEntityStatement(1, null);
		recorder.recordEntityStatement(2, "OrderRepository.findAll");
		EntityLoads loads = EntityLoads.of(started.finish(0, null));
		assertThat(loads.isEntityStatement(0)).isTrue();
		assertThat(loads.repositoryMethodOf(0)).isEqualTo("OrderRepository.findAll");
		assertThat(loads.isEntityStatement(1)).isTrue();
		assertThat(loads.repositoryMethodOf(1)).isNull();
		assertThat(loads.isEntityStatement(2)).isFalse();
	}

	@Test
	void loadsReportedFromSeveralThreadsAreAllKept() throws Exception {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 100_000);
		int threads = 4;
		int each = 5_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(executor.submit(() -> {
					ready.countDown();
					ready.await();
					for (int i = 0; i < each; i++) {
						EntityLoads.recorder(started).recordLazyLoad(load(thread * each + i));
						EntityLoads.recorder(started).recordEntityStatement(thread * each + i, null);
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		EntityLoads loads = EntityLoads.of(started.finish(0, null));
		assertThat(loads.lazyLoads()).hasSize(threads * each);
		assertThat(loads.isEntityStatement(threads * each - 1)).isTrue();
	}

	@Test
	void aLoadCoversTheStatementsItRan() {
		LazyLoad load = new LazyLoad("Order", "items", true, "Order", "items", null, -1, SITE, 4, 2);
		assertThat(List.of(3, 4, 5, 6)).map(load::covers).containsExactly(false, true, true, false);
		assertThat(load.role()).isEqualTo("Order.items");
		assertThat(new LazyLoad("Order", "items", true, "Order", "items", null, -1, SITE, 4, 0).covers(4)).isFalse();
	}

	private static LazyLoad load(int index) {
		return new LazyLoad("Order", "customer", false, "Order", "customer", "OrderRepository.findAll", 0, SITE, index,
				1);
	}

}
