package dev.querylens.demo.shop;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Orders, loaded plainly or with their associations fetched in the same query.
 */
public interface OrderRepository extends JpaRepository<Order, Long> {

	/**
	 * Loads the orders alone: their customers and items stay lazy.
	 * @return every order, by id
	 */
	List<Order> findAllByOrderByIdAsc();

	/**
	 * Loads the orders with their customers in one query.
	 * @return every order, by id, customer loaded
	 */
	@Query("select o from Order o join fetch o.customer order by o.id")
	List<Order> findAllWithCustomer();

	/**
	 * Loads the orders with their items in one query.
	 * @return every order, by id, items loaded
	 */
	@EntityGraph(attributePaths = "items")
	@Query("select o from Order o order by o.id")
	List<Order> findAllWithItems();

	/**
	 * Counts a customer's orders.
	 * @param customer the customer
	 * @return how many orders they placed
	 */
	long countByCustomer(Customer customer);

}
