package com.example.corpus;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@link Review}s.
 */
public interface ReviewRepository extends JpaRepository<Review, Long> {

}
