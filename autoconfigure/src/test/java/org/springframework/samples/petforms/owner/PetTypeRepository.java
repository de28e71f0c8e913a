package org.springframework.samples.petforms.owner;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The pet types, as PetClinic reads them: all of them, by name.
 */
public interface PetTypeRepository extends JpaRepository<PetType, Integer> {

	@Query("SELECT ptype FROM PetType ptype ORDER BY ptype.name")
	List<PetType> findPetTypes();

}
