package dev.querylens.demo.lessons;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.QueryEvent;
import dev.querylens.store.RecordingStore;

/**
 * The lesson pages, and each variant as its own JSON request so that QueryLens records it
 * on its own.
 */
@Controller
class LessonController {

	static final int RACE_THREADS = 8;

	static final int RACE_INCREMENTS = 50;

	private final LessonCatalog catalog;

	private final VariantRunner runner;

	private final ObjectProvider<RecordingStore> store;

	private final JdbcTemplate jdbc;

	private final AtomicUpdateLesson atomicUpdate;

	private final String databaseUrl;

	private final FindingMarkup markup;

	LessonController(LessonCatalog catalog, VariantRunner runner, ObjectProvider<RecordingStore> store,
			JdbcTemplate jdbc, AtomicUpdateLesson atomicUpdate, DataSourceProperties dataSource, FindingMarkup markup) {
		this.catalog = catalog;
		this.runner = runner;
		this.store = store;
		this.jdbc = jdbc;
		this.atomicUpdate = atomicUpdate;
		this.databaseUrl = dataSource.determineUrl();
		this.markup = markup;
	}

	@GetMapping("/lessons/{name}")
	String lesson(@PathVariable String name, HttpServletRequest request, Model model) throws Exception {
		Lesson lesson = lesson(name);
		String baseUrl = "http://127.0.0.1:" + request.getLocalPort() + request.getContextPath();
		List<VariantResult> results = this.runner.run(lesson, baseUrl);
		model.addAttribute("lesson", lesson);
		model.addAttribute("results", results);
		model.addAttribute("lessons", this.catalog.lessons());
		model.addAttribute("database", databaseName());
		model.addAttribute("markup", this.markup);
		model.addAttribute("costlierInMemory", costlierInMemory(results));
		if (lesson.extra() == Lesson.Extra.EXPLAIN) {
			model.addAttribute("plans", plans(results));
		}
		if (lesson.extra() == Lesson.Extra.RACE) {
			model.addAttribute("threads", RACE_THREADS);
			model.addAttribute("increments", RACE_INCREMENTS);
			model.addAttribute("slowRace", this.atomicUpdate.race(false, RACE_THREADS, RACE_INCREMENTS));
			model.addAttribute("fastRace", this.atomicUpdate.race(true, RACE_THREADS, RACE_INCREMENTS));
		}
		return "lessons/lesson";
	}

	@GetMapping("/lessons/{name}/{variant}")
	@ResponseBody
	ResponseEntity<Object> variant(@PathVariable String name, @PathVariable String variant) throws Exception {
		Lesson.Variant found = lesson(name).variant(variant);
		if (found == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		VariantMeasures measures = new VariantMeasures();
		long before = threads.getCurrentThreadAllocatedBytes();
		Object data = found.run().run(measures);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.header(VariantRunner.ALLOCATED_HEADER, Long.toString(allocated));
		if (measures.peakRows() >= 0) {
			response.header(VariantRunner.PEAK_ROWS_HEADER, Long.toString(measures.peakRows()));
		}
		return response.body(data);
	}

	@GetMapping("/lessons/atomic-update/race/{variant}")
	@ResponseBody
	AtomicUpdateLesson.Race race(@PathVariable String variant,
			@RequestParam(defaultValue = "" + RACE_THREADS) int threads,
			@RequestParam(defaultValue = "" + RACE_INCREMENTS) int increments) throws Exception {
		if (!variant.equals("slow") && !variant.equals("fast")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.atomicUpdate.race(variant.equals("fast"), threads, increments);
	}

	private boolean inMemory() {
		return this.databaseUrl != null && this.databaseUrl.startsWith("jdbc:h2:mem:");
	}

	private String databaseName() {
		String url = (this.databaseUrl != null) ? this.databaseUrl : "";
		if (url.startsWith("jdbc:h2:")) {
			return inMemory() ? "H2, in memory" : "H2";
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return "PostgreSQL";
		}
		if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
			return "MariaDB";
		}
		return url;
	}

	// The variants that spent more DB time or heap than the slow one on a database in
	// this process, where a round trip costs next to nothing: the page says why.
	private List<String> costlierInMemory(List<VariantResult> results) {
		if (!inMemory() || results.isEmpty()) {
			return List.of();
		}
		VariantResult slow = results.get(0);
		return results.stream()
			.skip(1)
			.filter((result) -> result.costsMoreThan(slow))
			.map((result) -> result.variant().name())
			.toList();
	}

	private Lesson lesson(String name) {
		Lesson lesson = this.catalog.find(name);
		if (lesson == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return lesson;
	}

	// EXPLAIN of the statement exactly as QueryLens recorded it, with its recorded
	// parameters.
	private Map<String, List<String>> plans(List<VariantResult> results) {
		Map<String, List<String>> plans = new LinkedHashMap<>();
		RecordingStore recordings = this.store.getIfAvailable();
		if (recordings == null) {
			return plans;
		}
		for (VariantResult result : results) {
			AnalyzedRecording recording = (result.recordingId() != null)
					? recordings.findById(result.recordingId()).orElse(null) : null;
			if (recording == null || recording.recording().getQueries().isEmpty()) {
				continue;
			}
			QueryEvent query = recording.recording().getQueries().get(0);
			List<String> lines = this.jdbc.query("explain " + query.sql(), (rs, row) -> {
				int columns = rs.getMetaData().getColumnCount();
				if (columns == 1) {
					return rs.getString(1);
				}
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					cells.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
				}
				return String.join(" ", cells);
			}, query.parameters().toArray());
			plans.put(result.variant().name(), lines);
		}
		return plans;
	}

}
