package org.springframework.samples.petforms.owner;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The pets.
 */
public interface PetRepository extends JpaRepository<Pet, Integer> {

}
