package dev.querylens.demo.lessons;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One view of a shop page: the large table (200 000 rows) of the streaming and index
 * lessons. {@code visitorId} and {@code unindexedVisitorId} hold the same number; only
 * the first has an index, so the index lesson can run the same filter with and without
 * one, side by side, without DDL during a request.
 */
@Entity
@Table(indexes = @Index(name = "page_view_visitor_id", columnList = "visitorId"))
public class PageView {

	@Id
	private Long id;

	private String path;

	private long visitorId;

	private long unindexedVisitorId;

	private LocalDateTime viewedAt;

	private int durationMs;

	protected PageView() {
	}

	public Long getId() {
		return this.id;
	}

	public String getPath() {
		return this.path;
	}

	public long getVisitorId() {
		return this.visitorId;
	}

	public long getUnindexedVisitorId() {
		return this.unindexedVisitorId;
	}

	public LocalDateTime getViewedAt() {
		return this.viewedAt;
	}

	public int getDurationMs() {
		return this.durationMs;
	}

}
