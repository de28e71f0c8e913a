package dev.querylens.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimingHeaders}' figure of the statements' time: the same text as
 * {@code String.format("%.1f")} of the milliseconds, made without a formatter per
 * request.
 */
class TimingHeadersTests {

	@Test
	void millisecondsAreWrittenToOneDecimalRoundedHalfUpAsFormatWritesThem() {
		long[] samples = { 0, 1, 49_999, 50_000, 99_999, 100_000, 149_999, 150_000, 250_000, 950_000, 999_999,
				1_000_000, 1_049_999, 1_050_000, 12_345_678, 99_950_000, 123_456_789_012L };
		for (long nanos : samples) {
			assertThat(TimingHeaders.millis(nanos)).as("%d ns", nanos)
				.isEqualTo(String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0));
		}
		for (long nanos = 0; nanos < 5_000_000; nanos += 7_919) {
			assertThat(TimingHeaders.millis(nanos)).as("%d ns", nanos)
				.isEqualTo(String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0));
		}
	}

}
