package com.example.jpashop;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * AuditEvent entities.
 */
public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

}
