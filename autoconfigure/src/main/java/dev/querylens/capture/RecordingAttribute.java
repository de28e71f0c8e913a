package dev.querylens.capture;

import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A typed value another package attaches to a recording while it runs, such as the
 * finding types a handler method silences, or what the ORM integration tracks per
 * recording: capture carries it without knowing its type. The package that declares the
 * key is the only one that reads and writes it.
 * <p>
 * A key {@link #kept kept} by the finished recording holds an immutable value, for the
 * packages that read finished recordings; any other key is for the running recording only
 * and is dropped by {@link Recording.Started#finish finish}, unless it names a kept key
 * that its value is {@link #whileRunning(String, RecordingAttribute, Function) turned
 * into}.
 *
 * @param <T> the value's type
 */
public final class RecordingAttribute<T> {

	private final String name;

	private final boolean kept;

	private final BinaryOperator<T> merge;

	private final @Nullable RecordingAttribute<?> keptAs;

	private final @Nullable Function<? super T, ?> finish;

	private RecordingAttribute(String name, boolean kept, BinaryOperator<T> merge,
			@Nullable RecordingAttribute<?> keptAs, @Nullable Function<? super T, ?> finish) {
		this.name = name;
		this.kept = kept;
		this.merge = merge;
		this.keptAs = keptAs;
		this.finish = finish;
	}

	/**
	 * Creates a key whose value the finished recording keeps.
	 * @param <T> the value's type, immutable
	 * @param name a name for messages
	 * @param merge combines a value attached before with one attached now
	 * @return the key
	 */
	public static <T> RecordingAttribute<T> kept(String name, BinaryOperator<T> merge) {
		return new RecordingAttribute<>(name, true, merge, null, null);
	}

	/**
	 * Creates a key whose value lives only while the recording runs.
	 * @param <T> the value's type
	 * @param name a name for messages
	 * @return the key
	 */
	public static <T> RecordingAttribute<T> whileRunning(String name) {
		return new RecordingAttribute<>(name, false, (before, now) -> now, null, null);
	}

	/**
	 * Creates a key for what another package gathers piece by piece while the recording
	 * runs, often from several threads and under its own lock, and the finished recording
	 * keeps as one immutable value under another key. {@link Recording.Started#finish
	 * finish} calls {@code finish} once, outside the recording's lock, so the gathering
	 * package may hold its own lock while it calls the recording.
	 * @param <T> the type of what is gathered
	 * @param <K> the type of the kept value, immutable
	 * @param name a name for messages
	 * @param keptAs the key the finished recording keeps the value under
	 * @param finish makes the kept value of what was gathered
	 * @return the key
	 */
	public static <T, K> RecordingAttribute<T> whileRunning(String name, RecordingAttribute<K> keptAs,
			Function<? super T, ? extends K> finish) {
		return new RecordingAttribute<>(name, false, (before, now) -> now, keptAs, finish);
	}

	boolean isKept() {
		return this.kept;
	}

	@Nullable RecordingAttribute<?> keptAs() {
		return this.keptAs;
	}

	@SuppressWarnings("unchecked")
	@Nullable Object finish(Object gathered) {
		return (this.finish != null) ? this.finish.apply((T) gathered) : null;
	}

	T merge(T before, T now) {
		return this.merge.apply(before, now);
	}

	@Override
	public String toString() {
		return "RecordingAttribute " + this.name;
	}

}
