package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.querylens.capture.QueryEvent;

/**
 * Finds a row read by its key and later updated by the same key without a check that it
 * is unchanged: approximates "read, change in Java, write back" as a
 * {@code SELECT … FROM t WHERE [alias.]k = ?} followed in the recording by an
 * {@code UPDATE t SET … WHERE k = ?} with the same bound key value, whose {@code SET}
 * does not compute from the column itself and whose {@code WHERE} has no other predicate
 * (an {@code @Version} check adds one, and then a concurrent change fails instead of
 * being lost). Needs captured parameters; each row is reported once.
 */
public final class ReadModifyWriteDetector implements FindingDetector {

	private static final Pattern SELECT_BY_KEY = Pattern
		.compile("^select .+ from ([\\w$\"`.]+)(?: [\\w$\"`]+)? where (?:[\\w$\"`]+\\.)?([\\w$\"`]+) ?= ?\\?$");

	private static final Pattern UPDATE_BY_KEY = Pattern
		.compile("^update ([\\w$\"`.]+) set (.+) where (?:[\\w$\"`]+\\.)?([\\w$\"`]+) ?= ?\\?$");

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Map<Row, Integer> reads = new HashMap<>();
		Set<Row> reported = new HashSet<>();
		List<Finding> findings = new ArrayList<>();
		// A recording repeats a few shapes many times: each is matched once, not once per
		// statement.
		Map<String, Shape> shapes = new HashMap<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			QueryEvent event = query.event();
			List<Object> parameters = event.parameters();
			if (parameters == null || parameters.isEmpty() || event.failed() || event.batchSize() > 1
					|| event.rows() != 1) {
				continue;
			}
			Shape shape = shapes.computeIfAbsent(query.fingerprint(), ReadModifyWriteDetector::shape);
			if (shape == Shape.OTHER) {
				continue;
			}
			if (shape.read()) {
				if (parameters.size() == 1) {
					reads.putIfAbsent(new Row(shape.table(), shape.key(), parameters.get(0)), event.index());
				}
				continue;
			}
			Row row = new Row(shape.table(), shape.key(), parameters.get(parameters.size() - 1));
			Integer read = reads.get(row);
			if (read != null && shape.columns() != null && reported.add(row)) {
				findings.add(finding(query, read, row, shape.columns()));
			}
		}
		return findings;
	}

	private static Shape shape(String fingerprint) {
		Matcher select = SELECT_BY_KEY.matcher(fingerprint);
		if (select.matches()) {
			return new Shape(true, SqlShape.bare(select.group(1)), SqlShape.bare(select.group(2)), null);
		}
		Matcher update = UPDATE_BY_KEY.matcher(fingerprint);
		if (update.matches()) {
			return new Shape(false, SqlShape.bare(update.group(1)), SqlShape.bare(update.group(3)),
					columns(update.group(2)));
		}
		return Shape.OTHER;
	}

	// The assigned columns of a SET list of plain "column=?" items, or null when an item
	// computes its value.
	private static List<String> columns(String setList) {
		List<String> columns = new ArrayList<>();
		for (String item : setList.split(",")) {
			String[] sides = item.trim().split(" ?= ?", 2);
			if (sides.length != 2 || !sides[1].equals("?")) {
				return null;
			}
			columns.add(SqlShape.bare(sides[0]));
		}
		return columns;
	}

	private Finding finding(AnalyzedQuery update, int readIndex, Row row, List<String> columns) {
		QueryEvent event = update.event();
		String callSite = (event.callSite() != null) ? event.callSite().toString() : null;
		String message = "Row `" + row.key() + " = " + row.value() + "` of `" + row.table() + "` was read (#"
				+ readIndex + ") and then written back (#" + event.index() + ")"
				+ ((callSite != null) ? " from `" + callSite + "`" : "")
				+ ": a request that changes it in between is overwritten (a lost update).";
		String column = (columns.size() == 1) ? columns.get(0) : "x";
		String suggestion = "When the new value is computed from the old one (a counter, a stock level), let the "
				+ "database do it in one atomic statement: `@Modifying @Query(\"update Entity e set e." + column
				+ " = e." + column + " + :delta where e." + row.key() + " = :id\")` on the repository, instead of "
				+ "reading the entity, changing it and saving it. Otherwise add a `@Version` attribute, so that a "
				+ "concurrent change makes this update fail instead of being lost.";
		return new Finding(FindingType.READ_MODIFY_WRITE, Severity.WARNING, message, update.fingerprint(), 2, callSite,
				null, suggestion, List.of(readIndex, event.index()), false);
	}

	// A read by key (read), an update by key (columns null when the SET computes) or
	// neither (OTHER).
	private record Shape(boolean read, String table, String key, List<String> columns) {

		static final Shape OTHER = new Shape(false, "", "", null);

	}

	private record Row(String table, String key, Object value) {

		Row {
			Objects.requireNonNull(table);
		}

	}

}
