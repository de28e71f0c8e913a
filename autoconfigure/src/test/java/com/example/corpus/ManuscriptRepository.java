package com.example.corpus;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The {@link Manuscript}s.
 */
public interface ManuscriptRepository extends JpaRepository<Manuscript, Long> {

	List<Manuscript> findAllByOrderByIdAsc();

	@Query("select m.title from Manuscript m order by m.id")
	List<String> findTitles();

}
