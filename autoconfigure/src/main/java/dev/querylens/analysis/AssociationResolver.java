package dev.querylens.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Names the JPA association that a SELECT loads, such as the lazy {@code Order.customer}
 * behind {@code select … from customer c1_0 where c1_0.id=?}.
 */
@FunctionalInterface
public interface AssociationResolver {

	/**
	 * Returns the association a statement loads.
	 * @param sql the statement or its fingerprint
	 * @return the association, or empty when unknown
	 */
	Optional<Association> resolve(String sql);

	/**
	 * Returns the association a statement loads, using the statements that ran before it
	 * to choose between several candidates (the owner of a lazy association was usually
	 * loaded first).
	 * @param sql the statement or its fingerprint
	 * @param earlierStatements fingerprints of statements that ran before it, in order
	 * @return the association, or empty when unknown
	 */
	default Optional<Association> resolve(String sql, List<String> earlierStatements) {
		return resolve(sql);
	}

	/**
	 * Returns a resolver that never knows the association, for applications without JPA.
	 * @return the resolver
	 */
	static AssociationResolver none() {
		return (sql) -> Optional.empty();
	}

}
