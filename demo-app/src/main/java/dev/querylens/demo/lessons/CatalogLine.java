package dev.querylens.demo.lessons;

import java.math.BigDecimal;

/**
 * A catalog entry without its description, as the catalog page lists it.
 *
 * @param id the entry's id
 * @param name the product's name
 * @param price its price
 */
public record CatalogLine(Long id, String name, BigDecimal price) {

}
