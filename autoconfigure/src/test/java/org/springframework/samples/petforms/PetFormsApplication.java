package org.springframework.samples.petforms;

import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.samples.petforms.owner.Owner;
import org.springframework.samples.petforms.owner.Pet;
import org.springframework.samples.petforms.owner.PetType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small application shaped like Spring PetClinic, in a package of its own: Thymeleaf
 * views, a {@code Formatter<PetType>} that asks a repository for the pet types (as
 * PetClinic's does) and is called for each {@code <option>} of the pet form's type
 * select, and an owner page whose template reads a lazy collection. Two owners, four pet
 * types, three pets.
 */
@SpringBootApplication
public class PetFormsApplication {

	@Component
	static class Seeder implements ApplicationRunner {

		private final EntityManager entityManager;

		Seeder(EntityManager entityManager) {
			this.entityManager = entityManager;
		}

		@Override
		@Transactional
		public void run(ApplicationArguments args) {
			if (this.entityManager.find(Owner.class, 1) != null) {
				return;
			}
			String[] names = { "bird", "cat", "dog", "hamster" };
			PetType[] types = new PetType[names.length];
			for (int i = 0; i < names.length; i++) {
				types[i] = new PetType(i + 1, names[i]);
				this.entityManager.persist(types[i]);
			}
			Owner george = new Owner(1, "George Franklin");
			Owner betty = new Owner(2, "Betty Davis");
			this.entityManager.persist(george);
			this.entityManager.persist(betty);
			this.entityManager.persist(new Pet(1, "Leo", types[1], george));
			this.entityManager.persist(new Pet(2, "Basil", types[3], betty));
			this.entityManager.persist(new Pet(3, "Rosy", types[2], george));
		}

	}

}
