package dev.querylens.demo.lessons;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock movements with identity keys.
 */
public interface IdentityStockMovementRepository extends JpaRepository<IdentityStockMovement, Long> {

	/**
	 * Deletes one run's movements in one statement.
	 * @param run the run
	 * @return rows deleted
	 */
	@Transactional
	@Modifying
	@Query("delete from IdentityStockMovement m where m.run = :run")
	int deleteByRunInBulk(String run);

}
