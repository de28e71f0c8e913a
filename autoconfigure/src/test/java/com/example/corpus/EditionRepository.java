package com.example.corpus;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The {@link Edition}s.
 */
public interface EditionRepository extends JpaRepository<Edition, Long> {

	List<Edition> findAllByOrderByIdAsc();

	@Query("select e from Edition e join fetch e.book order by e.id")
	List<Edition> findAllWithBooks();

}
