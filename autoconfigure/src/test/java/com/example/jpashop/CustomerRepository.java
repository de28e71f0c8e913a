package com.example.jpashop;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Customer entities.
 */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

}
