package dev.querylens.capture;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lazy loads a {@link Recording} keeps.
 */
class RecordingLazyLoadTests {

	private static final CallSite SITE = new CallSite("com.example.OrderRow", "of", "OrderRow.java", 17);

	@Test
	void lazyLoadsAreKeptInOrderAndFrozenWithTheRecording() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 10);
		LazyLoad first = load(0);
		LazyLoad second = load(1);
		started.recordLazyLoad(first);
		started.recordLazyLoad(second);
		Recording recording = started.finish(0, null);
		started.recordLazyLoad(load(2));
		assertThat(recording.getLazyLoads()).containsExactly(first, second);
	}

	@Test
	void lazyLoadsAreBoundedLikeTheQueriesKept() {
		Recording.Started started = Recording.start(Kind.TEST, null, "t", null, 2);
		for (int i = 0; i < 5; i++) {
			started.recordLazyLoad(load(i));
		}
		assertThat(started.finish(0, null).getLazyLoads()).hasSize(2);
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
