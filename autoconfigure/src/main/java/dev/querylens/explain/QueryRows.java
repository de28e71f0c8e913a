package dev.querylens.explain;

import java.util.List;

/**
 * The first rows of a recorded SELECT, run again read-only.
 *
 * @param database the database product name
 * @param columns the column labels
 * @param rows the first rows, each value as the driver's text or {@code null}
 * @param more whether the statement returned more rows than these
 */
public record QueryRows(String database, List<String> columns, List<List<String>> rows, boolean more) {

}
