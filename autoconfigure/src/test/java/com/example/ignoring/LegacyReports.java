package com.example.ignoring;

import java.util.List;

import com.example.jpashop.OrderRepository;

import org.springframework.transaction.annotation.Transactional;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.QueryLensIgnore;

/**
 * A service whose N+1 is accepted where it happens, with {@link QueryLensIgnore} on the
 * method that reads the lazy association, and one whose N+1 is not.
 */
@Transactional(readOnly = true)
public class LegacyReports {

	private final OrderRepository orders;

	public LegacyReports(OrderRepository orders) {
		this.orders = orders;
	}

	@QueryLensIgnore(value = FindingType.N_PLUS_ONE, reason = "Four customers at most, rewritten next quarter")
	public List<String> customerNamesAccepted() {
		return this.orders.findAllByOrderByIdAsc().stream().map((order) -> order.getCustomer().getName()).toList();
	}

	public List<String> customerNames() {
		return this.orders.findAllByOrderByIdAsc().stream().map((order) -> order.getCustomer().getName()).toList();
	}

	public List<Integer> itemCounts() {
		return this.orders.findAllByOrderByIdAsc().stream().map((order) -> order.getItems().size()).toList();
	}

	/**
	 * Not annotated, but in an annotated class.
	 */
	@QueryLensIgnore
	public static final class Everything {

		public void run() {
		}

	}

}
