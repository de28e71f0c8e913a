package dev.querylens.capture;

import java.util.function.BinaryOperator;

/**
 * A typed value another package attaches to a recording while it runs, such as the
 * finding types a handler method silences, or what the ORM integration tracks per
 * recording: capture carries it without knowing its type. The package that declares the
 * key is the only one that reads and writes it.
 * <p>
 * A key {@link #kept kept} by the finished recording holds an immutable value, for the
 * packages that read finished recordings; any other key is for the running recording only
 * and is dropped by {@link Recording.Started#finish finish}.
 *
 * @param <T> the value's type
 */
public final class RecordingAttribute<T> {

	private final String name;

	private final boolean kept;

	private final BinaryOperator<T> merge;

	private RecordingAttribute(String name, boolean kept, BinaryOperator<T> merge) {
		this.name = name;
		this.kept = kept;
		this.merge = merge;
	}

	/**
	 * Creates a key whose value the finished recording keeps.
	 * @param <T> the value's type, immutable
	 * @param name a name for messages
	 * @param merge combines a value attached before with one attached now
	 * @return the key
	 */
	public static <T> RecordingAttribute<T> kept(String name, BinaryOperator<T> merge) {
		return new RecordingAttribute<>(name, true, merge);
	}

	/**
	 * Creates a key whose value lives only while the recording runs.
	 * @param <T> the value's type
	 * @param name a name for messages
	 * @return the key
	 */
	public static <T> RecordingAttribute<T> whileRunning(String name) {
		return new RecordingAttribute<>(name, false, (before, now) -> now);
	}

	boolean isKept() {
		return this.kept;
	}

	T merge(T before, T now) {
		return this.merge.apply(before, now);
	}

	@Override
	public String toString() {
		return "RecordingAttribute " + this.name;
	}

}
