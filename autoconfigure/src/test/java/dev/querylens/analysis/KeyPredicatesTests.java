package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyPredicates}: what they find, and that the work is linear in the
 * text, counted in characters read rather than timed.
 */
class KeyPredicatesTests {

	@Test
	void findsEachFormOfKeyPredicate() {
		assertThat(all("o1_0.customer_id = ?")).containsExactly("o1_0.customer_id");
		assertThat(all("id=?")).containsExactly("id");
		assertThat(all("t.id in (?)")).containsExactly("t.id");
		assertThat(all("t.id = any (?)")).containsExactly("t.id");
		assertThat(all("t.id =any(?)")).containsExactly("t.id");
		assertThat(all("\"Order\".\"ID\" = ?")).containsExactly("\"Order\".\"ID\"");
		assertThat(all("s.t.id = ? and x.name > ? and y.k in (?)")).containsExactly("t.id", "y.k");
	}

	@Test
	void skipsWhatIsNotAKeyPredicate() {
		assertThat(all("t.id > ? and t.name like ? and t.x = t.y")).isEmpty();
		assertThat(all("t.id in (?, ?)")).isEmpty();
	}

	@Test
	void theFirstAnswerWins() {
		String found = KeyPredicates.first("a = ? and b = ? and c = ?", 0,
				(qualifier, column) -> column.equals("b") ? column : null);
		assertThat(found).isEqualTo("b");
	}

	@Test
	void readsEachCharacterABoundedNumberOfTimes() {
		for (String unit : List.of("a", "a.", "a ", "a =", "a.b = ", "a in (", "a = any ")) {
			long single = reads(unit, 50_000);
			long twice = reads(unit, 100_000);
			int length = unit.length() * 50_000;
			assertThat(single).as("characters read for %s × 50,000", unit).isLessThanOrEqualTo(8L * length);
			assertThat(twice).as("characters read for %s × 100,000", unit).isLessThanOrEqualTo(2 * single + 64);
		}
	}

	private static long reads(String unit, int times) {
		CountingText text = new CountingText("select * from t where " + unit.repeat(times));
		KeyPredicates.first(text, 22, (qualifier, column) -> null);
		return text.reads;
	}

	private static List<String> all(String predicates) {
		List<String> found = new ArrayList<>();
		KeyPredicates.first(predicates, 0, (qualifier, column) -> {
			found.add(((qualifier != null) ? qualifier + "." : "") + column);
			return null;
		});
		return found;
	}

	private static final class CountingText implements CharSequence {

		private final String text;

		private long reads;

		CountingText(String text) {
			this.text = text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			this.reads++;
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			this.reads += end - start;
			return this.text.subSequence(start, end);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
