package dev.querylens.explain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The plans the {@link SlowQueryExplainer} found, by statement fingerprint, read when a
 * recording's report is built: so a stored recording is never rewritten. Holds at most
 * {@code maxPlans}, dropping the least recently used.
 */
public final class QueryPlans {

	private final int maxPlans;

	private final Map<String, CompletableFuture<QueryPlan>> plans;

	/**
	 * Creates an empty cache.
	 * @param maxPlans fingerprints whose plan is kept; 0 keeps none
	 */
	public QueryPlans(int maxPlans) {
		this.maxPlans = Math.max(0, maxPlans);
		this.plans = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<QueryPlan>> eldest) {
				return size() > QueryPlans.this.maxPlans;
			}

		};
	}

	/**
	 * Returns a cache that keeps nothing, for when slow queries are not explained.
	 * @return the empty cache
	 */
	public static QueryPlans none() {
		return new QueryPlans(0);
	}

	/**
	 * Finds the plan of a fingerprint.
	 * @param fingerprint the statement's fingerprint
	 * @return the plan, or empty when it was not explained (yet), or could not be
	 */
	public Optional<QueryPlan> find(String fingerprint) {
		CompletableFuture<QueryPlan> plan;
		synchronized (this.plans) {
			plan = this.plans.get(fingerprint);
		}
		return (plan != null && plan.isDone() && !plan.isCompletedExceptionally())
				? Optional.ofNullable(plan.getNow(null)) : Optional.empty();
	}

	/**
	 * Returns what completes when a fingerprint's EXPLAIN has finished.
	 * @param fingerprint the statement's fingerprint
	 * @return the plan to come ({@code null} when it could not be explained), or a
	 * completed {@code null} when no EXPLAIN was started for it
	 */
	public CompletableFuture<QueryPlan> whenExplained(String fingerprint) {
		synchronized (this.plans) {
			CompletableFuture<QueryPlan> plan = this.plans.get(fingerprint);
			return (plan != null) ? plan : CompletableFuture.completedFuture(null);
		}
	}

	/**
	 * Returns the number of fingerprints held, explained or being explained.
	 * @return the number
	 */
	public int size() {
		synchronized (this.plans) {
			return this.plans.size();
		}
	}

	// Returns the plan to complete when no EXPLAIN for this fingerprint is held, or null.
	CompletableFuture<QueryPlan> claim(String fingerprint) {
		synchronized (this.plans) {
			if (this.maxPlans == 0 || this.plans.containsKey(fingerprint)) {
				return null;
			}
			CompletableFuture<QueryPlan> plan = new CompletableFuture<>();
			this.plans.put(fingerprint, plan);
			return plan;
		}
	}

	void forget(String fingerprint, CompletableFuture<QueryPlan> plan) {
		synchronized (this.plans) {
			this.plans.remove(fingerprint, plan);
		}
	}

}
