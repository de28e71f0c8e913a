package com.example.jpashop;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Teams, whose members Hibernate loads eagerly.
 */
public interface TeamRepository extends JpaRepository<Team, Long> {

	List<Team> findAllByOrderByIdAsc();

}
