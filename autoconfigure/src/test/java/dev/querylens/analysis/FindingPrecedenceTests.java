package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FindingPrecedence}: one cause, one finding, each rule with its true
 * case and the nearest look-alike that must stay a finding of its own.
 */
class FindingPrecedenceTests {

	private static final String READ = "select * from customer where id = ?";

	private static final String WRITE = "insert into audit (id, note) values (?, ?)";

	// Statements 0 to 9, each on a connection of its own, as auto-commit work takes one.
	private final QueryGroups groups = tenStatementsOnTenConnections();

	@Test
	void aDuplicateWhoseRepeatsAllRanInAnNPlusOneIsFoldedIntoIt() {
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 1, 2, 3, 4, 5);
		Finding duplicate = finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, 2, 4);
		assertThat(fold(nPlusOne, duplicate)).containsExactly(nPlusOne);
	}

	@Test
	void aDuplicateWhoseFirstExecutionRanBeforeTheLoopIsStillTheLoopsRepeat() {
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 1, 2, 3, 4, 5);
		Finding duplicate = finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, 0, 3);
		assertThat(fold(nPlusOne, duplicate)).containsExactly(nPlusOne);
	}

	@Test
	void aDuplicateRepeatedAfterTheLoopIsACauseOfItsOwn() {
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 1, 2, 3, 4, 5);
		Finding duplicate = finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, 2, 7);
		assertThat(fold(nPlusOne, duplicate)).containsExactly(nPlusOne, duplicate);
	}

	@Test
	void anNPlusOneThatRanInTheViewIsFoldedIntoTheViewFindingWhichTakesItsSeverity() {
		Finding inView = finding(FindingType.LAZY_LOAD_IN_VIEW, Severity.WARNING, 3, 4, 5, 6);
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 3, 4, 5, 6);
		List<Finding> folded = fold(inView, nPlusOne);
		assertThat(folded).extracting(Finding::type).containsExactly(FindingType.LAZY_LOAD_IN_VIEW);
		assertThat(folded.get(0).severity()).isEqualTo(Severity.ERROR);
		assertThat(folded.get(0).is(FindingType.N_PLUS_ONE)).isTrue();
	}

	@Test
	void anNPlusOneWithAStatementInTheHandlerStaysAndTheViewFindingKeepsItsSeverity() {
		Finding inView = finding(FindingType.LAZY_LOAD_IN_VIEW, Severity.WARNING, 4, 5, 6);
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 3, 4, 5, 6);
		assertThat(fold(inView, nPlusOne)).containsExactly(inView, nPlusOne);
	}

	@Test
	void aFindingYieldsOnlyToTheTypesListedForIt() {
		// The duplicate explains the N+1's repeats as well, but an N+1 never yields to a
		// duplicate, nor batchable writes to the transactions they ran in.
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 1, 2, 3);
		Finding duplicate = finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, 0, 1, 2, 3);
		Finding batchable = finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, 4, 5, 6, 7, 8);
		Finding transactions = finding(FindingType.MANY_TRANSACTIONS, Severity.WARNING, 4, 5, 6, 7, 8);
		assertThat(fold(duplicate, nPlusOne, batchable, transactions)).containsExactly(nPlusOne, batchable);
	}

	@Test
	void churnOfBatchableWritesIsFoldedIntoThem() {
		Finding batchable = finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, 0, 1, 2, 3, 4, 5);
		Finding churn = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5);
		assertThat(fold(batchable, churn)).containsExactly(batchable);
	}

	@Test
	void churnWithThresholdConnectionsOfItsOwnBesidesBatchableWritesStays() {
		// Half the connections are the writes': one batch removes them, not the other
		// five.
		Finding batchable = finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, 0, 1, 2, 3, 4);
		Finding churn = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(fold(batchable, churn)).containsExactly(batchable, churn);
	}

	@Test
	void churnOfAnNPlusOneIsFoldedIntoItButNotWhenThresholdConnectionsAreLeft() {
		Finding nPlusOne = finding(FindingType.N_PLUS_ONE, Severity.ERROR, 0, 1, 2, 3, 4);
		Finding allOfIt = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5, 6, 7);
		Finding more = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(fold(nPlusOne, allOfIt)).containsExactly(nPlusOne);
		assertThat(fold(nPlusOne, more)).containsExactly(nPlusOne, more);
	}

	@Test
	void theReadThatGoesWithEachBatchableWriteInItsUnitIsExplainedWithIt() {
		// Each write reads its key first, on the same connection.
		QueryGroups pairs = statementsOnConnections(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
		Finding batchable = finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, 1, 3, 5, 7, 9);
		Finding churn = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(FindingPrecedence.fold(List.of(batchable, churn), pairs, detectors())).containsExactly(batchable);
	}

	@Test
	void twoReadsBesideABatchableWriteAreWorkOfTheUnitsOwn() {
		QueryGroups triples = statementsOnConnections(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5);
		Finding batchable = finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, 2, 5, 8, 11, 14);
		Finding churn = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
				12, 13, 14);
		assertThat(FindingPrecedence.fold(List.of(batchable, churn), triples, detectors())).containsExactly(batchable,
				churn);
	}

	@Test
	void withoutTheDetectorThatRecountsAUnitFindingTheStatementRuleApplies() {
		Finding batchable = finding(FindingType.BATCHABLE_WRITES, Severity.WARNING, 0, 1, 2, 3, 4);
		Finding churn = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4, 5);
		assertThat(FindingPrecedence.fold(List.of(batchable, churn), this.groups, List.of())).containsExactly(batchable,
				churn);
		Finding covered = finding(FindingType.CONNECTION_CHURN, Severity.WARNING, 0, 1, 2, 3, 4);
		assertThat(FindingPrecedence.fold(List.of(batchable, covered), this.groups, List.of()))
			.containsExactly(batchable);
	}

	private List<Finding> fold(Finding... findings) {
		return FindingPrecedence.fold(List.of(findings), this.groups, detectors());
	}

	private static List<FindingDetector> detectors() {
		return List.of(new ConnectionChurnDetector(5), new ManyTransactionsDetector(5));
	}

	private static Finding finding(FindingType type, Severity severity, Integer... queryIndexes) {
		return new Finding(type, severity, type.name(), READ, queryIndexes.length, null, null, "fix it",
				List.of(queryIndexes), false);
	}

	private static QueryGroups tenStatementsOnTenConnections() {
		return statementsOnConnections(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	}

	private static QueryGroups statementsOnConnections(int... connections) {
		Statements statements = Statements.recording();
		List<Integer> seen = new ArrayList<>();
		for (int connection : connections) {
			boolean write = seen.contains(connection);
			seen.add(connection);
			statements.connection(connection).run(write ? WRITE : READ, connection, "note");
		}
		return statements.groups();
	}

}
