package com.example.jpashop;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tag entities.
 */
public interface TagRepository extends JpaRepository<Tag, Long> {

}
