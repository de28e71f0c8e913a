package com.example.corpus;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@link Listing}s.
 */
public interface ListingRepository extends JpaRepository<Listing, Long> {

}
