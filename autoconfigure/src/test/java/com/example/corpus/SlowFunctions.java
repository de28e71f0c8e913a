package com.example.corpus;

/**
 * A function H2 calls to make a statement slow in the database, as {@code pg_sleep} and
 * {@code sleep} do on PostgreSQL and MariaDB.
 */
public final class SlowFunctions {

	private SlowFunctions() {
	}

	/**
	 * Sleeps.
	 * @param millis how long
	 * @return the time slept
	 * @throws InterruptedException if interrupted
	 */
	public static int sleep(int millis) throws InterruptedException {
		Thread.sleep(millis);
		return millis;
	}

}
