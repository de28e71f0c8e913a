package com.example.ignoring;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.QueryLensIgnore;

/**
 * Endpoints with an N+1 each: reported, accepted on the handler method, accepted on the
 * service method, and accepted by a {@code querylens.ignore} rule on its association
 * ({@code Order.items}).
 */
@RestController
public class IgnoringController {

	private final LegacyReports reports;

	public IgnoringController(LegacyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/ignoring/reported")
	List<String> reported() {
		return this.reports.customerNames();
	}

	@GetMapping("/ignoring/handler")
	@QueryLensIgnore(FindingType.N_PLUS_ONE)
	List<String> acceptedOnTheHandler() {
		return this.reports.customerNames();
	}

	@GetMapping("/ignoring/handler-other-type")
	@QueryLensIgnore(FindingType.DUPLICATE_QUERY)
	List<String> acceptedOnTheHandlerForAnotherType() {
		return this.reports.customerNames();
	}

	@GetMapping("/ignoring/service")
	List<String> acceptedOnTheService() {
		return this.reports.customerNamesAccepted();
	}

	@GetMapping("/ignoring/property")
	List<Integer> acceptedByAProperty() {
		return this.reports.itemCounts();
	}

}
