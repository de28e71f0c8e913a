package com.example.corpus;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * A remote supplier, as slow as one that answers in {@link #ANSWER}: the stand-in for a
 * call to another service, which waits and runs no SQL.
 */
@Component
class Supplier {

	static final Duration ANSWER = Duration.ofSeconds(3);

	int quote() {
		try {
			Thread.sleep(ANSWER.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 7;
	}

}
