package dev.querylens.demo.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Inserting 100 rows: one transaction per save, identity keys that defeat batching, or
 * {@code saveAll} with sequence keys and {@code hibernate.jdbc.batch_size}. Each run
 * deletes its rows again.
 */
@Service
public class BatchInsertLesson {

	static final int ROWS = 100;

	private final StockMovementRepository movements;

	private final IdentityStockMovementRepository identityMovements;

	public BatchInsertLesson(StockMovementRepository movements, IdentityStockMovementRepository identityMovements) {
		this.movements = movements;
		this.identityMovements = identityMovements;
	}

	/**
	 * Saves each movement on its own: each {@code save} is its own transaction, so each
	 * flushes one insert.
	 * @return what was saved
	 */
	public List<MovementLine> saveOneByOne() {
		String run = UUID.randomUUID().toString();
		List<MovementLine> saved = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			StockMovement movement = this.movements.save(new StockMovement(run, sku(i), quantity(i)));
			saved.add(new MovementLine(movement.getSku(), movement.getQuantity(), movement.getId() != null));
		}
		this.movements.deleteByRunInBulk(run);
		return saved;
	}

	/**
	 * Saves all in one transaction, but with identity keys: each insert must run at once
	 * to learn its key.
	 * @return what was saved
	 */
	public List<MovementLine> saveAllWithIdentityKeys() {
		String run = UUID.randomUUID().toString();
		List<IdentityStockMovement> batch = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			batch.add(new IdentityStockMovement(run, sku(i), quantity(i)));
		}
		List<MovementLine> saved = this.identityMovements.saveAll(batch)
			.stream()
			.map((movement) -> new MovementLine(movement.getSku(), movement.getQuantity(), movement.getId() != null))
			.toList();
		this.identityMovements.deleteByRunInBulk(run);
		return saved;
	}

	/**
	 * Saves all in one transaction with sequence keys (100 per round trip): the inserts
	 * go in JDBC batches of 50.
	 * @return what was saved
	 */
	public List<MovementLine> saveAllBatched() {
		String run = UUID.randomUUID().toString();
		List<StockMovement> batch = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			batch.add(new StockMovement(run, sku(i), quantity(i)));
		}
		List<MovementLine> saved = this.movements.saveAll(batch)
			.stream()
			.map((movement) -> new MovementLine(movement.getSku(), movement.getQuantity(), movement.getId() != null))
			.toList();
		this.movements.deleteByRunInBulk(run);
		return saved;
	}

	private static String sku(int i) {
		return "SKU-" + (1000 + i);
	}

	private static int quantity(int i) {
		return 1 + i % 7;
	}

	/**
	 * A saved movement.
	 *
	 * @param sku the SKU
	 * @param quantity how many
	 * @param keyed whether it got its key
	 */
	public record MovementLine(String sku, int quantity, boolean keyed) {

	}

}
