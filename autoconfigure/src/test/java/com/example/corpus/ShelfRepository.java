package com.example.corpus;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@link Shelf}s.
 */
public interface ShelfRepository extends JpaRepository<Shelf, Long> {

	List<Shelf> findAllByOrderByIdAsc();

}
