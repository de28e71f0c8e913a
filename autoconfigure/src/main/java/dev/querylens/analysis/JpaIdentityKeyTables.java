package dev.querylens.analysis;

import java.lang.reflect.AnnotatedElement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;

/**
 * The tables of entities whose id is {@code @GeneratedValue(strategy = IDENTITY)}, from
 * the JPA metamodel, under the names {@link JpaAssociationResolver} gives entity tables.
 * {@code AUTO} is not counted: Hibernate 6 and later map it to a sequence wherever the
 * database has them.
 */
public final class JpaIdentityKeyTables implements IdentityKeyTables {

	private final Set<String> tables = new HashSet<>();

	/**
	 * Reads a persistence unit's metamodel.
	 * @param metamodel the metamodel
	 */
	public JpaIdentityKeyTables(Metamodel metamodel) {
		for (EntityType<?> entity : metamodel.getEntities()) {
			try {
				if (isIdentity(entity)) {
					this.tables.addAll(JpaAssociationResolver.tables(entity));
				}
			}
			catch (RuntimeException ex) {
				// An id mapped in a way this lookup does not know is simply not reported
				// as identity.
			}
		}
	}

	private static boolean isIdentity(EntityType<?> entity) {
		for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
			if (attribute.isId() && attribute.getJavaMember() instanceof AnnotatedElement member) {
				GeneratedValue generated = member.getAnnotation(GeneratedValue.class);
				if (generated != null && generated.strategy() == GenerationType.IDENTITY) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public boolean isIdentityGenerated(String table) {
		return table != null && this.tables.contains(SqlShape.bare(table).toLowerCase(Locale.ROOT));
	}

}
