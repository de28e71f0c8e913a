package dev.querylens.demo.lessons;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import dev.querylens.demo.shop.OrderItem;

/**
 * The order items as the lessons read them.
 */
public interface LessonItemRepository extends Repository<OrderItem, Long> {

	/**
	 * Loads one order's items of at least a quantity, dearest first.
	 * @param orderId the order
	 * @param quantity the least quantity
	 * @return the items
	 */
	List<OrderItem> findByOrderIdAndQuantityGreaterThanEqualOrderByUnitPriceDescIdAsc(Long orderId, int quantity);

	/**
	 * Loads the items of at least a quantity of many orders at once, dearest first within
	 * each order.
	 * @param orderIds the orders
	 * @param quantity the least quantity
	 * @return the items, by order
	 */
	@Query("""
			select i from OrderItem i
			where i.order.id in :orderIds and i.quantity >= :quantity
			order by i.order.id, i.unitPrice desc, i.id""")
	List<OrderItem> findByOrderIdsAndQuantityAtLeast(Collection<Long> orderIds, int quantity);

	/**
	 * Loads every item with its order, customer and product, as entities.
	 * @return the items, by id
	 */
	@Query("select i from OrderItem i join fetch i.order o join fetch o.customer join fetch i.product order by i.id")
	List<OrderItem> findAllWithOrderCustomerAndProduct();

	/**
	 * Sums each customer's orders in the database.
	 * @return one row per customer, by id
	 */
	@Query("""
			select new dev.querylens.demo.lessons.CustomerRevenue(c.id, c.name, count(distinct o.id), sum(i.unitPrice * i.quantity))
			from OrderItem i join i.order o join o.customer c
			group by c.id, c.name
			order by c.id""")
	List<CustomerRevenue> sumByCustomer();

}
