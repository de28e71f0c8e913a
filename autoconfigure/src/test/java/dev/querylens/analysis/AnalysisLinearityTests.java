package dev.querylens.analysis;

import java.lang.management.ManagementFactory;
import java.util.List;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis of a recording costs in proportion to its statements, counted in the bytes
 * the analysing thread allocates rather than timed: every copy of the recording's
 * statements, lists or indexes made per finding (a quadratic amount of work) shows up
 * there, and the count does not depend on how busy the machine is.
 */
class AnalysisLinearityTests {

	private static final CallSite SERVICE = new CallSite("com.example.shop.OrderService", "list", "OrderService.java",
			31);

	private final RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(DetectorSettings.defaults(),
			AssociationResolver.none(), IdentityKeyTables.none());

	@Test
	void tenTimesTheStatementsAllocateAboutTenTimesAsMuch() {
		Recording small = recording(2_000);
		Recording large = recording(20_000);
		// Run both until the compiled code settles, so both are counted in the same
		// state.
		for (int i = 0; i < 3; i++) {
			allocatedBy(small);
			allocatedBy(large);
		}
		long smallBytes = Math.min(allocatedBy(small), allocatedBy(small));
		long largeBytes = Math.min(allocatedBy(large), allocatedBy(large));
		assertThat(largeBytes).as("bytes for 20,000 statements, against %,d for 2,000", smallBytes)
			.isLessThanOrEqualTo(12 * smallBytes);
	}

	@Test
	void theRecordingIsAnalysedIntoItsFindings() {
		AnalyzedRecording analysis = this.analyzer.analyze(recording(200));
		// Per group of 10: one N+1 of 4 loads (the 4th reading a key again) and one
		// duplicate of the parent select.
		assertThat(analysis.findings()).filteredOn((finding) -> finding.type() == FindingType.N_PLUS_ONE).hasSize(20);
		assertThat(analysis.findings()).filteredOn((finding) -> finding.type() == FindingType.DUPLICATE_QUERY)
			.hasSize(20);
	}

	private long allocatedBy(Recording recording) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		AnalyzedRecording analysis = this.analyzer.analyze(recording);
		long after = threads.getThreadAllocatedBytes(thread);
		assertThat(analysis.findings()).isNotEmpty();
		return after - before;
	}

	// Groups of 10 statements, each of other tables (so each its own findings): a parent
	// select, 4 loads of its children of which the 4th repeats a key, half of them
	// reported as lazy loads by the ORM, the parent select again, and 4 updates of other
	// rows.
	private static Recording recording(int statements) {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders", null, statements);
		int index = 0;
		for (int group = 0; index < statements; group++) {
			String parent = "select p.id,p.name from parent_" + group + " p where p.owner=?";
			String child = "select c.id,c.name from child_" + group + " c where c.parent_id=?";
			record(started, parent, List.of(7L), 4, index++);
			int firstChild = index;
			for (int key = 0; key < 4; key++) {
				record(started, child, List.of((long) (key % 3)), 1, index++);
			}
			if (group % 2 == 0) {
				EntityLoads.recorder(started)
					.recordLazyLoad(new LazyLoad("Parent" + group, "children", true, "Parent" + group, "children", null,
							firstChild - 1, SERVICE, firstChild, 4));
			}
			record(started, parent, List.of(7L), 4, index++);
			for (int row = 0; row < 4; row++) {
				record(started, "update stock_" + group + " set quantity=? where id=?", List.of(1L, (long) row), 1,
						index++);
			}
		}
		Recording recording = started.finish(200, "/orders");
		return recording;
	}

	private static void record(Recording.Started recording, String sql, List<Object> parameters, long rows, int index) {
		recording.record(sql, parameters, 1, rows, index * 1_000L, 10_000, 1, "dataSource", SERVICE, null);
	}

}
