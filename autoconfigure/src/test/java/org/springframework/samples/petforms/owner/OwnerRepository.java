package org.springframework.samples.petforms.owner;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The owners, loaded without their pets.
 */
public interface OwnerRepository extends JpaRepository<Owner, Integer> {

}
