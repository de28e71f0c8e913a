package dev.querylens.autoconfigure;

import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;

import dev.querylens.jdbc.RecordingDataSource;

/**
 * Finds, by bean name, the pool behind the recorded data source of a recorded query, so
 * that QueryLens's own statements (EXPLAIN) run on it unrecorded. A recorded query names
 * the pool that ran it (for a routing data source, the target it chose), so this reaches
 * the database that ran the statement. Reaches the pool through {@code unwrap}, so that
 * another decorator around the bean (datasource-micrometer) does not hide it.
 */
final class RecordedDataSources implements Function<String, DataSource> {

	private final BeanFactory beanFactory;

	RecordedDataSources(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Returns the unwrapped data source of the named bean.
	 * @param name the data source's bean name, as a recorded query names it
	 * @return the data source QueryLens wraps, or {@code null} when the bean is unknown
	 * or not recorded
	 */
	@Override
	public DataSource apply(String name) {
		if (name == null || !this.beanFactory.containsBean(name)) {
			return null;
		}
		try {
			Object bean = this.beanFactory.getBean(name);
			return (bean instanceof DataSource dataSource && dataSource.isWrapperFor(RecordingDataSource.class))
					? dataSource.unwrap(RecordingDataSource.class).getDelegate() : null;
		}
		catch (SQLException | RuntimeException ex) {
			return null;
		}
	}

}
