package dev.querylens.demo.lessons;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product's catalog entry with its long description: the large column of the
 * projections lesson.
 */
@Entity
public class CatalogEntry {

	@Id
	private Long id;

	private String name;

	@Column(precision = 10, scale = 2)
	private BigDecimal price;

	// A long text type on every database (text on PostgreSQL, longtext on MariaDB), not a
	// LOB: PostgreSQL would
	// store a @Lob String as a large object.
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	private String description;

	protected CatalogEntry() {
	}

	public CatalogEntry(Long id, String name, BigDecimal price, String description) {
		this.id = id;
		this.name = name;
		this.price = price;
		this.description = description;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public String getDescription() {
		return this.description;
	}

}
