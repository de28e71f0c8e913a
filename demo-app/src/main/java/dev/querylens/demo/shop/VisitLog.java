package dev.querylens.demo.shop;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a view of an order page in a read-write transaction of its own.
 */
@Service
public class VisitLog {

	private final OrderVisitRepository visits;

	public VisitLog(OrderVisitRepository visits) {
		this.visits = visits;
	}

	/**
	 * Saves one view: the sequence is read at once, the insert runs when the transaction
	 * commits, after this method has returned.
	 * @param orderId the order whose page was viewed
	 */
	@Transactional
	public void record(long orderId) {
		this.visits.save(new OrderVisit(orderId, Instant.now()));
	}

}
