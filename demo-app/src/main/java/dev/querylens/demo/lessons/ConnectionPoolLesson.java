package dev.querylens.demo.lessons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five small reads: each taking its own connection from a data source that opens a new
 * physical connection each time, or all in one read-only transaction on one connection of
 * the HikariCP pool. QueryLens records the time each request spends getting connections.
 */
@Service
public class ConnectionPoolLesson {

	static final List<String> READS = List.of("select count(*) from customer", "select count(*) from product",
			"select count(*) from orders", "select count(*) from order_item", "select count(*) from catalog_entry");

	private final DataSource pooled;

	private final DataSource unpooled;

	public ConnectionPoolLesson(DataSource pooled, @Qualifier("unpooledDataSource") DataSource unpooled) {
		this.pooled = pooled;
		this.unpooled = unpooled;
	}

	/**
	 * Runs the reads on the data source with no pool.
	 * @return the counts
	 * @throws SQLException if a read fails
	 */
	public List<Long> withoutPool() throws SQLException {
		return readEachOnItsOwnConnection(this.unpooled);
	}

	/**
	 * Runs the reads in one read-only transaction on one connection of the pool.
	 * @return the counts
	 * @throws SQLException if a read fails
	 */
	@Transactional(readOnly = true)
	public List<Long> withPool() throws SQLException {
		// The transaction's connection, not a new one per read: DataSourceUtils hands out
		// the one the transaction manager bound to this data source.
		Connection connection = DataSourceUtils.getConnection(this.pooled);
		try {
			List<Long> counts = new ArrayList<>();
			for (String sql : READS) {
				counts.add(count(connection, sql));
			}
			return counts;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.pooled);
		}
	}

	private static List<Long> readEachOnItsOwnConnection(DataSource dataSource) throws SQLException {
		List<Long> counts = new ArrayList<>();
		for (String sql : READS) {
			try (Connection connection = dataSource.getConnection()) {
				counts.add(count(connection, sql));
			}
		}
		return counts;
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
	}

}
