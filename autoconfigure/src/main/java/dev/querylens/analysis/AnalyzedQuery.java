package dev.querylens.analysis;

import dev.querylens.capture.QueryEvent;

/**
 * A recorded query with what analysis says of it.
 *
 * @param event the query as recorded
 * @param fingerprint its shape, literals and {@code IN} lists folded
 * @param duplicateOf index of the first query with the same SQL and parameters, or
 * {@code null}
 * @param similarGroup a number shared by the queries of one fingerprint
 */
public record AnalyzedQuery(QueryEvent event, String fingerprint, Integer duplicateOf, int similarGroup) {
}
