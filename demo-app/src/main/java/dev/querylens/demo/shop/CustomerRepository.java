package dev.querylens.demo.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Customers.
 */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

}
