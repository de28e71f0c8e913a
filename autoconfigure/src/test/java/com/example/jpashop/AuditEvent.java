package com.example.jpashop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose key the database generates: Hibernate never batches its inserts.
 */
@Entity
@Table(name = "jps_audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String message;

	protected AuditEvent() {
	}

	AuditEvent(String message) {
		this.message = message;
	}

	public Long getId() {
		return this.id;
	}

}
