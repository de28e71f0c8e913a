package com.example.corpus;

import java.util.List;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@link Format}s.
 */
public interface FormatRepository extends JpaRepository<Format, Long> {

	@Cacheable("formats")
	List<Format> findAllByOrderByNameAsc();

}
