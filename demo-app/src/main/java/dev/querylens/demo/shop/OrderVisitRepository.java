package dev.querylens.demo.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The order pages' viewing log.
 */
public interface OrderVisitRepository extends JpaRepository<OrderVisit, Long> {

}
