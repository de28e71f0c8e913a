package dev.querylens.demo.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Order items.
 */
public interface OrderItemRepository extends JpaRepository<OrderItem, Long> {

}
