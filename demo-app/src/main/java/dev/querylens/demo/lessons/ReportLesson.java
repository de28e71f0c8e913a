package dev.querylens.demo.lessons;

import java.util.List;

import dev.querylens.demo.shop.OrderItem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read-only report: managed entities against plain rows from {@link JdbcTemplate}.
 */
@Service
@Transactional(readOnly = true)
public class ReportLesson {

	static final String REPORT_SQL = """
			select i.id, i.order_id, c.name, p.name, i.quantity
			from order_item i
			join orders o on o.id = i.order_id
			join customer c on c.id = o.customer_id
			join product p on p.id = i.product_id
			order by i.id""";

	private final LessonItemRepository items;

	private final JdbcTemplate jdbc;

	public ReportLesson(LessonItemRepository items, JdbcTemplate jdbc) {
		this.items = items;
		this.jdbc = jdbc;
	}

	/**
	 * Loads every item with its order, customer and product as managed entities, four per
	 * line.
	 * @return the report's lines
	 */
	public List<ReportLine> entities() {
		return this.items.findAllWithOrderCustomerAndProduct().stream().map(ReportLine::of).toList();
	}

	/**
	 * Reads the five columns the report shows as plain rows.
	 * @return the report's lines
	 */
	public List<ReportLine> jdbcTuples() {
		return this.jdbc.query(REPORT_SQL, (rs, row) -> new ReportLine(rs.getLong(1), rs.getLong(2), rs.getString(3),
				rs.getString(4), rs.getInt(5)));
	}

	/**
	 * One line of the report.
	 *
	 * @param itemId the item
	 * @param orderId its order
	 * @param customer the customer's name
	 * @param product the product's name
	 * @param quantity how many
	 */
	public record ReportLine(long itemId, long orderId, String customer, String product, int quantity) {

		static ReportLine of(OrderItem item) {
			return new ReportLine(item.getId(), item.getOrder().getId(), item.getOrder().getCustomer().getName(),
					item.getProduct().getName(), item.getQuantity());
		}

	}

}
