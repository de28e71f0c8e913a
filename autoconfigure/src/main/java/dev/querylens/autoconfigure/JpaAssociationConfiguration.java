package dev.querylens.autoconfigure;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.querylens.analysis.Association;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.IdentityKeyTables;
import dev.querylens.analysis.JpaAssociationResolver;
import dev.querylens.analysis.JpaIdentityKeyTables;

/**
 * Names the JPA association behind an N+1, and the tables with identity-generated keys,
 * when the application uses JPA.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(EntityManagerFactory.class)
class JpaAssociationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AssociationResolver jpaAssociationResolver(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		return new LazyJpaAssociationResolver(entityManagerFactories);
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityKeyTables jpaIdentityKeyTables(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		return new LazyJpaIdentityKeyTables(entityManagerFactories);
	}

	/**
	 * Reads the metamodel on first use, so that QueryLens never makes the entity manager
	 * factory start early.
	 */
	static final class LazyJpaIdentityKeyTables implements IdentityKeyTables {

		private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

		private volatile IdentityKeyTables tables;

		LazyJpaIdentityKeyTables(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
			this.entityManagerFactories = entityManagerFactories;
		}

		@Override
		public boolean isIdentityGenerated(String table) {
			IdentityKeyTables current = this.tables;
			if (current == null) {
				EntityManagerFactory factory = this.entityManagerFactories.getIfUnique();
				if (factory == null) {
					return false;
				}
				current = new JpaIdentityKeyTables(factory.getMetamodel());
				this.tables = current;
			}
			return current.isIdentityGenerated(table);
		}

	}

	/**
	 * Reads the metamodel on first use, so that QueryLens never makes the entity manager
	 * factory start early.
	 */
	static final class LazyJpaAssociationResolver implements AssociationResolver {

		private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

		private volatile AssociationResolver resolver;

		LazyJpaAssociationResolver(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
			this.entityManagerFactories = entityManagerFactories;
		}

		@Override
		public Optional<Association> resolve(String sql) {
			return resolver().resolve(sql);
		}

		@Override
		public Optional<Association> resolve(String sql, List<String> earlierStatements) {
			return resolver().resolve(sql, earlierStatements);
		}

		private AssociationResolver resolver() {
			AssociationResolver current = this.resolver;
			if (current == null) {
				EntityManagerFactory factory = this.entityManagerFactories.getIfUnique();
				if (factory == null) {
					return AssociationResolver.none();
				}
				current = new JpaAssociationResolver(factory.getMetamodel());
				this.resolver = current;
			}
			return current;
		}

	}

}
