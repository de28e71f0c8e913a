package com.example.corpus;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@link Genre}s.
 */
public interface GenreRepository extends JpaRepository<Genre, Long> {

	List<Genre> findAllByOrderByNameAsc();

}
