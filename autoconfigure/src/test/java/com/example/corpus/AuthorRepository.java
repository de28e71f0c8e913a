package com.example.corpus;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@link Author}s.
 */
public interface AuthorRepository extends JpaRepository<Author, Long> {

}
