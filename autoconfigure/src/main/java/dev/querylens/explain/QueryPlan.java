package dev.querylens.explain;

import java.util.List;

/**
 * What EXPLAIN said of a SELECT: the result as the database gave it, the plan as text,
 * and the table it scans in full with the column it filters or orders that table by, when
 * the plan shows one.
 *
 * @param database the database product, e.g. {@code PostgreSQL}
 * @param statement the EXPLAIN statement that ran
 * @param columns the result's column labels
 * @param rows the result's rows, as text
 * @param plan the plan, one line per row of the result
 * @param scannedTable the table read in full, or {@code null}
 * @param column the column that table is filtered or ordered by, or {@code null} when the
 * plan does not say
 */
public record QueryPlan(String database, String statement, List<String> columns, List<List<String>> rows, String plan,
		String scannedTable, String column) {

	/**
	 * Returns the text added to a slow query's suggestion: the plan and, for a full scan,
	 * the index to add.
	 * @return the text, starting with a space
	 */
	public String describe() {
		StringBuilder text = new StringBuilder(" EXPLAIN on ").append(this.database)
			.append(": `")
			.append(compact(this.plan))
			.append("`.");
		if (this.scannedTable != null) {
			text.append(" It reads all of `").append(this.scannedTable).append('`');
			if (this.column != null) {
				text.append(" to filter or order by `")
					.append(this.column)
					.append("`: add an index, `@Table(indexes = @Index(columnList = \"")
					.append(this.column)
					.append("\"))` on the entity mapped to `")
					.append(this.scannedTable)
					.append("`.");
			}
			else {
				text.append(": an index on the columns it filters by would let it read only the rows it needs.");
			}
		}
		return text.toString();
	}

	private static String compact(String plan) {
		String oneLine = plan.replaceAll("\\s+", " ").trim();
		return (oneLine.length() > 400) ? oneLine.substring(0, 400) + "…" : oneLine;
	}

}
