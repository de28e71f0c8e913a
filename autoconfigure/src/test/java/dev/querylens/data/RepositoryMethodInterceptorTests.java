package dev.querylens.data;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.CurrentRepositoryMethod;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RepositoryMethodInterceptor}.
 */
class RepositoryMethodInterceptorTests {

	private final Recording.Started recording = Recording.start(Kind.HTTP, "GET", "/orders", null, 100);

	@Test
	void theRunningRepositoryMethodIsNotedWhileItRunsAndForgottenAfter() {
		OrderRepository orders = proxy(OrderRepository.class, new Orders(null));
		try (CurrentRecording.Scope scope = CurrentRecording.bind(this.recording)) {
			assertThat(orders.findAllByCity("Oslo")).isEqualTo("OrderRepository.findAllByCity");
			assertThat(CurrentRepositoryMethod.get()).isNull();
		}
	}

	@Test
	void theInnermostRepositoryMethodIsNotedAndTheOuterOneRestored() {
		CustomerRepository customers = proxy(CustomerRepository.class, () -> CurrentRepositoryMethod.get());
		OrderRepository orders = proxy(OrderRepository.class, new Orders(customers));
		try (CurrentRecording.Scope scope = CurrentRecording.bind(this.recording)) {
			assertThat(orders.findAllByCity("Oslo"))
				.isEqualTo("CustomerRepository.findFirst then OrderRepository.findAllByCity");
		}
	}

	@Test
	void aMethodThatThrowsLeavesNothingNoted() {
		OrderRepository orders = proxy(OrderRepository.class, new Orders(null));
		try (CurrentRecording.Scope scope = CurrentRecording.bind(this.recording)) {
			assertThatIllegalStateException().isThrownBy(() -> orders.findAllByCity(null));
			assertThat(CurrentRepositoryMethod.get()).isNull();
		}
	}

	@Test
	void withNoRecordingNothingIsNoted() {
		OrderRepository orders = proxy(OrderRepository.class, new Orders(null));
		assertThat(orders.findAllByCity("Oslo")).isNull();
	}

	private static <T> T proxy(Class<T> type, T target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.addInterface(type);
		factory.addAdvice(new RepositoryMethodInterceptor(type));
		return type.cast(factory.getProxy());
	}

	interface OrderRepository {

		String findAllByCity(String city);

	}

	interface CustomerRepository {

		String findFirst();

	}

	private record Orders(CustomerRepository customers) implements OrderRepository {

		@Override
		public String findAllByCity(String city) {
			if (city == null) {
				throw new IllegalStateException("no city");
			}
			if (this.customers == null) {
				return CurrentRepositoryMethod.get();
			}
			return this.customers.findFirst() + " then " + CurrentRepositoryMethod.get();
		}

	}

}
