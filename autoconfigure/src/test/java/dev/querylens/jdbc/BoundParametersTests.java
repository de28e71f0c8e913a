package dev.querylens.jdbc;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundParameters}.
 */
class BoundParametersTests {

	@Test
	void valuesAreListedInParameterOrderWithGapsAsNull() {
		BoundParameters parameters = new BoundParameters(200);
		parameters.set(3, "c");
		parameters.set(1, 1L);
		assertThat(parameters.toList()).isEqualTo(Arrays.asList(1L, null, "c"));
	}

	@Test
	void theListDoesNotChangeWhenTheStatementIsBoundAgain() {
		BoundParameters parameters = new BoundParameters(200);
		parameters.set(1, "a");
		parameters.set(2, "b");
		var first = parameters.toList();
		parameters.set(1, "z");
		assertThat(first).containsExactly("a", "b");
	}

	@Test
	void manyParametersGrowTheStore() {
		BoundParameters parameters = new BoundParameters(200);
		for (int i = 1; i <= 40; i++) {
			parameters.set(i, i);
		}
		assertThat(parameters.toList()).hasSize(40).endsWith(40);
	}

	@Test
	void clearForgetsEveryValue() {
		BoundParameters parameters = new BoundParameters(200);
		parameters.set(2, "b");
		parameters.clear();
		assertThat(parameters.toList()).isEmpty();
	}

	@Test
	void numbersAndBooleansAreKeptAsTheyAre() {
		assertThat(BoundParameters.toShowable(new BigDecimal("1.50"), 200)).isEqualTo(new BigDecimal("1.50"));
		assertThat(BoundParameters.toShowable(false, 200)).isEqualTo(false);
	}

	@Test
	void readersAndBytesAreDescribedNotRead() {
		assertThat(BoundParameters.toShowable(new StringReader("secret"), 200)).isEqualTo("<stream>");
		assertThat(BoundParameters.toShowable(new byte[12], 200)).isEqualTo("<12 bytes>");
	}

	@Test
	void theKeysOfABatchFetchAreShownByContentSoTheSameKeysAreTheSameValue() throws Exception {
		assertThat(BoundParameters.toShowable(new Integer[] { 1, 2, 3 }, 200)).isEqualTo("[1, 2, 3]");
		assertThat(BoundParameters.toShowable(new long[] { 4, 5 }, 200)).isEqualTo("[4, 5]");
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:bound-arrays")) {
			Array keys = connection.createArrayOf("INTEGER", new Object[] { 1, 2 });
			Array same = connection.createArrayOf("INTEGER", new Object[] { 1, 2 });
			assertThat(BoundParameters.toShowable(keys, 200)).isEqualTo("[1, 2]")
				.isEqualTo(BoundParameters.toShowable(same, 200));
		}
	}

	@Test
	void otherValuesAreShownAsTruncatedText() {
		assertThat(BoundParameters.toShowable(new StringBuilder("abcdef"), 3)).isEqualTo("abc…");
	}

	@Test
	void aValueThatCannotBeShownIsNamedByItsType() {
		Object exploding = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("no");
			}
		};
		assertThat(BoundParameters.toShowable(exploding, 200)).isEqualTo("<" + exploding.getClass().getName() + ">");
	}

}
