package dev.querylens.demo.lessons;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering "is there any?" and "how many?" by loading the rows, or by {@code existsBy…}
 * and {@code countBy…}.
 */
@Service
@Transactional(readOnly = true)
public class ExistsLesson {

	static final String CITY = "Porto";

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	static final LocalDate TO = LocalDate.of(2026, 1, 31);

	private final LessonOrderRepository orders;

	public ExistsLesson(LessonOrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Loads the orders and asks the lists.
	 * @return the answers
	 */
	public Answers loadToCheck() {
		boolean any = !this.orders.findByCustomerCity(CITY).isEmpty();
		long january = this.orders.findByPlacedOnBetween(FROM, TO).size();
		return new Answers(any, january);
	}

	/**
	 * Lets the database answer: one row each.
	 * @return the answers
	 */
	public Answers askTheDatabase() {
		return new Answers(this.orders.existsByCustomerCity(CITY), this.orders.countByPlacedOnBetween(FROM, TO));
	}

	/**
	 * What the page wants to know.
	 *
	 * @param ordersFromPorto whether a customer in Porto ordered
	 * @param ordersInJanuary how many orders were placed in January 2026
	 */
	public record Answers(boolean ordersFromPorto, long ordersInJanuary) {

	}

}
