package dev.querylens.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.querylens.capture.Recording;
import dev.querylens.capture.RecordingAttribute;

/**
 * What an ORM loaded while a recording ran: the lazy associations it initialised, in the
 * order they finished, and the statements whose rows it made entities of, with the
 * repository method that ran them. Kept by the finished {@link Recording}; empty without
 * an ORM integration.
 */
public final class EntityLoads {

	/**
	 * What a recording keeps when no ORM told it anything.
	 */
	public static final EntityLoads NONE = new EntityLoads(List.of(), Map.of());

	// Attached only by the finish of GATHERED, once per recording.
	private static final RecordingAttribute<EntityLoads> KEPT = RecordingAttribute.kept("entity loads",
			(before, now) -> now);

	private static final RecordingAttribute<Recorder> GATHERED = RecordingAttribute.whileRunning("entity loads so far",
			KEPT, Recorder::finish);

	private final List<LazyLoad> lazyLoads;

	// "" for a statement no repository method ran.
	private final Map<Integer, String> entityStatements;

	private EntityLoads(List<LazyLoad> lazyLoads, Map<Integer, String> entityStatements) {
		this.lazyLoads = lazyLoads;
		this.entityStatements = entityStatements;
	}

	/**
	 * Returns what the ORM loaded while a recording ran.
	 * @param recording a finished recording
	 * @return what was loaded, {@link #NONE} without an ORM integration
	 */
	public static EntityLoads of(Recording recording) {
		EntityLoads loads = recording.getAttribute(KEPT);
		return (loads != null) ? loads : NONE;
	}

	/**
	 * Returns what gathers the loads of a running recording, attaching it on first use.
	 * @param recording the running recording
	 * @return its recorder, the same for every caller until the recording finishes
	 */
	public static Recorder recorder(Recording.Started recording) {
		return recording.attached(GATHERED, () -> new Recorder(recording.getMaxQueries()));
	}

	/**
	 * Returns the lazy loads the ORM reported, in the order they finished.
	 * @return the lazy loads
	 */
	public List<LazyLoad> lazyLoads() {
		return this.lazyLoads;
	}

	/**
	 * Whether the ORM made entities of this statement's rows.
	 * @param queryIndex the statement's index
	 * @return whether it did
	 */
	public boolean isEntityStatement(int queryIndex) {
		return this.entityStatements.containsKey(queryIndex);
	}

	/**
	 * Returns the repository method that ran a statement the ORM made entities of.
	 * @param queryIndex the statement's index
	 * @return the method, e.g. {@code OrderRepository.findById}, or {@code null} when
	 * unknown
	 */
	public @Nullable String repositoryMethodOf(int queryIndex) {
		String method = this.entityStatements.get(queryIndex);
		return (method != null && !method.isEmpty()) ? method : null;
	}

	/**
	 * Gathers what the ORM reports while one recording runs, from any thread, under its
	 * own lock. Bounded like the recording: at most as many loads as statements are kept,
	 * and entity statements only among those kept. What it holds when the recording
	 * finishes becomes the recording's {@link EntityLoads}; later reports are dropped.
	 */
	public static final class Recorder {

		private final int maxQueries;

		private final List<LazyLoad> lazyLoads = new ArrayList<>();

		private final Map<Integer, String> entityStatements = new HashMap<>();

		private Recorder(int maxQueries) {
			this.maxQueries = maxQueries;
		}

		/**
		 * Adds a lazy association the ORM initialised, so that analysis can name it with
		 * certainty.
		 * @param lazyLoad what was loaded and which statements it ran
		 */
		public synchronized void recordLazyLoad(LazyLoad lazyLoad) {
			if (this.lazyLoads.size() < Math.max(this.maxQueries, 1)) {
				this.lazyLoads.add(lazyLoad);
			}
		}

		/**
		 * Notes that the ORM made entities of a statement's rows, so that analysis gives
		 * ORM advice only for the statements the ORM ran. Ignored for a statement the
		 * recording does not keep.
		 * @param queryIndex the statement's index
		 * @param repositoryMethod the repository method that ran it, e.g.
		 * {@code OrderRepository.findById}, or {@code null} when unknown or not run by
		 * one
		 */
		public synchronized void recordEntityStatement(int queryIndex, @Nullable String repositoryMethod) {
			if (queryIndex < 0 || queryIndex >= this.maxQueries) {
				return;
			}
			String known = this.entityStatements.get(queryIndex);
			if (known == null || (known.isEmpty() && repositoryMethod != null)) {
				this.entityStatements.put(queryIndex, (repositoryMethod != null) ? repositoryMethod : "");
			}
		}

		private synchronized EntityLoads finish() {
			return new EntityLoads(List.copyOf(this.lazyLoads), Map.copyOf(this.entityStatements));
		}

	}

}
