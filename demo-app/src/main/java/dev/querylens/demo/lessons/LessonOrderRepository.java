package dev.querylens.demo.lessons;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import dev.querylens.demo.shop.Order;

/**
 * The orders as the lessons read them: each method one way to load them.
 */
public interface LessonOrderRepository extends Repository<Order, Long> {

	/**
	 * Loads the orders alone; customers and items stay lazy.
	 * @return every order, by id
	 */
	List<Order> findAllByOrderByIdAsc();

	/**
	 * Loads the orders with their customers joined in the same statement.
	 * @return every order, by id
	 */
	@Query("select o from Order o join fetch o.customer order by o.id")
	List<Order> findAllWithCustomer();

	/**
	 * Loads the orders with their customers, the join declared by an entity graph.
	 * @return every order, by id
	 */
	@EntityGraph(attributePaths = "customer")
	@Query("select o from Order o order by o.id")
	List<Order> findAllWithCustomerGraph();

	/**
	 * Loads the orders with their items joined in the same statement.
	 * @return every order, by id
	 */
	@Query("select o from Order o join fetch o.items order by o.id")
	List<Order> findAllWithItems();

	/**
	 * Loads one page of orders with their items joined. Hibernate before 7.4 cannot limit
	 * the rows of a collection fetch in SQL, so it reads every order's items and pages in
	 * memory; 7.4 limits the orders in a derived table.
	 * <p>
	 * Not the text of {@link #findAllWithItems()}: Hibernate 7.4 caches the SQL of a
	 * query by its text, and once that text has run without a page the cached SQL (no
	 * derived table, no limit) serves the paged call too, which then returns every order.
	 * @param page the page
	 * @return the page's orders
	 */
	@Query("select o from Order o join fetch o.items i order by o.id")
	List<Order> findPageWithItems(Pageable page);

	/**
	 * Loads one page of order ids, limited in SQL.
	 * @param page the page
	 * @return the ids
	 */
	@Query("select o.id from Order o order by o.id")
	List<Long> findPageOfIds(Pageable page);

	/**
	 * Loads the given orders with their items.
	 * @param ids the orders' ids
	 * @return those orders, by id
	 */
	@Query("select o from Order o join fetch o.items where o.id in :ids order by o.id")
	List<Order> findWithItemsByIdIn(Collection<Long> ids);

	/**
	 * Loads a customer's orders.
	 * @param customerId the customer's id
	 * @return the orders, by id
	 */
	List<Order> findByCustomerIdOrderByIdAsc(Long customerId);

	/**
	 * Loads the orders of the customers of a city.
	 * @param city the city
	 * @return the orders
	 */
	List<Order> findByCustomerCity(String city);

	/**
	 * Whether a customer of the city ordered anything.
	 * @param city the city
	 * @return whether one order exists
	 */
	boolean existsByCustomerCity(String city);

	/**
	 * Loads the orders placed in a period.
	 * @param from the first day
	 * @param to the last day
	 * @return the orders
	 */
	List<Order> findByPlacedOnBetween(LocalDate from, LocalDate to);

	/**
	 * Counts the orders placed in a period.
	 * @param from the first day
	 * @param to the last day
	 * @return how many
	 */
	long countByPlacedOnBetween(LocalDate from, LocalDate to);

}
