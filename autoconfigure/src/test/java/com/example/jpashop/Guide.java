package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A how-to guide with its long text, for wide rows: the list shows titles, the detail
 * page the text.
 */
@Entity
@Table(name = "jps_guide")
public class Guide {

	@Id
	private Long id;

	private String title;

	// A long text type on every database (text on PostgreSQL, longtext on MariaDB), not a
	// LOB: PostgreSQL would
	// store a @Lob String as a large object.
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	private String content;

	protected Guide() {
	}

	Guide(Long id, String title, String content) {
		this.id = id;
		this.title = title;
		this.content = content;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getContent() {
		return this.content;
	}

}
