package com.example.jpashop;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Orders, plainly or with their associations fetched.
 */
public interface OrderRepository extends JpaRepository<Order, Long> {

	List<Order> findAllByOrderByIdAsc();

	Page<Order> findAllBy(Pageable pageable);

	@Query("select o from Order o join fetch o.customer order by o.id")
	List<Order> findAllWithCustomer();

	@EntityGraph(attributePaths = "items")
	@Query("select o from Order o order by o.id")
	List<Order> findAllWithItems();

	@EntityGraph(attributePaths = { "items", "items.product" })
	@Query("select o from Order o order by o.id")
	List<Order> findAllWithItemsAndProducts();

}
