package dev.querylens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchableWritesDetector}.
 */
class BatchableWritesDetectorTests {

	private static final String INSERT_ITEM = "insert into order_item (order_id,product_id,quantity,id) values (?,?,?,?)";

	private static final String INSERT_ORDER = "insert into orders (customer_id,id) values (?,?)";

	private static final String UPDATE_PRODUCT = "update product set stock=? where id=?";

	private static final String DELETE_ITEM = "delete from order_item where id=?";

	private final BatchableWritesDetector detector = new BatchableWritesDetector(5, IdentityKeyTables.none());

	@Test
	void singleRowInsertsOfOneShapeInARowAreBatchable() {
		List<Finding> findings = this.detector.detect(Statements.recording().repeat(5, INSERT_ITEM).groups());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.BATCHABLE_WRITES);
			assertThat(finding.count()).isEqualTo(5);
			assertThat(finding.queryIndexes()).containsExactly(0, 1, 2, 3, 4);
			assertThat(finding.message()).startsWith("5 single-row `INSERT`s into `order_item` were sent one by one");
			assertThat(finding.suggestion()).contains("saveAll")
				.contains("spring.jpa.properties.hibernate.jdbc.batch_size")
				.doesNotContain("order_inserts")
				.doesNotContain("is identity-generated");
		});
	}

	@Test
	void fewerWritesThanTheThresholdAreNotReported() {
		assertThat(this.detector.detect(Statements.recording().repeat(4, INSERT_ITEM).groups())).isEmpty();
	}

	@Test
	void writesSentAsAJdbcBatchAreNotReported() {
		Statements statements = Statements.recording();
		for (int i = 0; i < 5; i++) {
			statements.batchSize(20).rows(20).run(INSERT_ITEM, i);
		}
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void insertsInterleavedWithInsertsIntoAnotherTableAreReportedWithOrderInserts() {
		Statements statements = Statements.recording();
		for (int i = 0; i < 5; i++) {
			statements.run(INSERT_ORDER, 1, i).run(INSERT_ITEM, i, 1, 1, i);
		}
		assertThat(this.detector.detect(statements.groups())).hasSize(2)
			.allSatisfy((finding) -> assertThat(finding.suggestion()).contains("order_inserts=true"));
	}

	@Test
	void aReadBetweenTheWritesEndsTheRun() {
		Statements statements = Statements.recording();
		for (int i = 0; i < 5; i++) {
			statements.run("select p1_0.id from product p1_0 where p1_0.id=?", i).run(INSERT_ITEM, i, i, 1, i);
		}
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void writesOnDifferentConnectionsAreNotOneRun() {
		Statements statements = Statements.recording();
		for (int i = 0; i < 6; i++) {
			statements.connection(i % 2 + 1).run(INSERT_ITEM, i);
		}
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void anUpdateOfManyRowsIsAlreadyOneStatementAndNotReported() {
		Statements statements = Statements.recording();
		for (int i = 0; i < 5; i++) {
			statements.rows(40).run("update product set stock=? where category_id=?", 0, i);
		}
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void failedWritesAreNotCounted() {
		Statements statements = Statements.recording();
		for (int i = 0; i < 5; i++) {
			statements.failing("duplicate key").rows(0).run(INSERT_ITEM, i);
		}
		assertThat(this.detector.detect(statements.groups())).isEmpty();
	}

	@Test
	void insertsIntoATableWithAnIdentityKeyNameTheIdentityTrap() {
		BatchableWritesDetector identity = new BatchableWritesDetector(5, "order_item"::equals);
		assertThat(identity.detect(Statements.recording().repeat(5, INSERT_ITEM).groups())).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion())
				.contains("the key of `order_item` is identity-generated")
				.contains("GenerationType.SEQUENCE"));
	}

	@Test
	void updatesAndDeletesGetTheirOwnFix() {
		assertThat(this.detector.detect(Statements.recording().repeat(5, UPDATE_PRODUCT).groups())).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion()).contains("@Modifying"));
		assertThat(this.detector.detect(Statements.recording().repeat(5, DELETE_ITEM).groups())).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion()).contains("deleteAllByIdInBatch"));
	}

}
