package dev.querylens.demo.lessons;

import java.math.BigDecimal;

/**
 * An interface projection of a catalog entry: Spring Data selects these three columns
 * only.
 */
public interface CatalogSummary {

	Long getId();

	String getName();

	BigDecimal getPrice();

}
