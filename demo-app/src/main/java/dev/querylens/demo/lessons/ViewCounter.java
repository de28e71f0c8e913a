package dev.querylens.demo.lessons;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A named counter of page views: the row the atomic-update lesson increments.
 */
@Entity
public class ViewCounter {

	@Id
	private Long id;

	private String name;

	private long views;

	protected ViewCounter() {
	}

	public ViewCounter(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public long getViews() {
		return this.views;
	}

	public void setViews(long views) {
		this.views = views;
	}

}
