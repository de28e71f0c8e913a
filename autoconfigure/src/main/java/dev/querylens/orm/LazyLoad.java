package dev.querylens.orm;

import dev.querylens.capture.CallSite;

/**
 * A lazy association initialised while a recording ran, as the ORM reported it: which
 * association, how the entity that owns it was reached, and which statements loading it
 * ran.
 *
 * @param entity the entity that declares the association, e.g. {@code Order}
 * @param attribute the association's attribute, e.g. {@code customer}
 * @param collection whether it is a collection ({@code Order.items}) rather than a to-one
 * proxy
 * @param rootEntity the entity a query loaded at the start of the chain of lazy loads,
 * e.g. {@code Order}
 * @param path the attribute path from {@code rootEntity}, e.g. {@code customer}, or
 * {@code items.product} for a lazy load of an entity that was itself lazily loaded
 * @param loader the repository method that loaded the root entities, e.g.
 * {@code OrderRepository.findAllByOrderByIdAsc}, or {@code null} when they were not
 * loaded through a repository
 * @param loaderQueryIndex index of the statement that was running when the root entity
 * was loaded, or -1
 * @param callSite where in application code the association was touched, or {@code null}
 * when not captured
 * @param firstQueryIndex index the first statement of this load got (the recording's
 * count when it started)
 * @param queryCount statements the load ran: 0 when it needed none (already batch-fetched
 * or cached)
 * @param eager whether the mapping says {@code FetchType.EAGER}: the ORM loaded it by a
 * secondary select because the mapping demands it, not because the application touched it
 */
public record LazyLoad(String entity, String attribute, boolean collection, String rootEntity, String path,
		String loader, int loaderQueryIndex, CallSite callSite, int firstQueryIndex, int queryCount, boolean eager) {

	/**
	 * Creates a load of an association mapped {@code FetchType.LAZY}.
	 * @param entity the entity that declares the association
	 * @param attribute the association's attribute
	 * @param collection whether it is a collection
	 * @param rootEntity the entity a query loaded at the start of the chain of lazy loads
	 * @param path the attribute path from {@code rootEntity}
	 * @param loader the repository method that loaded the root entities, or {@code null}
	 * @param loaderQueryIndex index of the statement that loaded the root entity, or -1
	 * @param callSite where in application code the association was touched, or
	 * {@code null}
	 * @param firstQueryIndex index the first statement of this load got
	 * @param queryCount statements the load ran
	 */
	public LazyLoad(String entity, String attribute, boolean collection, String rootEntity, String path, String loader,
			int loaderQueryIndex, CallSite callSite, int firstQueryIndex, int queryCount) {
		this(entity, attribute, collection, rootEntity, path, loader, loaderQueryIndex, callSite, firstQueryIndex,
				queryCount, false);
	}

	/**
	 * Returns the association in {@code Entity.attribute} form.
	 * @return the role, e.g. {@code Order.customer}
	 */
	public String role() {
		return this.entity + "." + this.attribute;
	}

	/**
	 * Whether the statement at this index was run by this load.
	 * @param queryIndex a statement's index
	 * @return whether it lies within this load's statements
	 */
	public boolean covers(int queryIndex) {
		return queryIndex >= this.firstQueryIndex && queryIndex < this.firstQueryIndex + this.queryCount;
	}

}
