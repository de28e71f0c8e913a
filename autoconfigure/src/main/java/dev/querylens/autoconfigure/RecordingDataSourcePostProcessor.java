package dev.querylens.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.jdbc.RecordingDataSource;

/**
 * Wraps every {@link DataSource} bean in a {@link RecordingDataSource} named after the bean.
 */
final class RecordingDataSourcePostProcessor implements BeanPostProcessor, Ordered {

	private final ObjectProvider<JdbcCaptureSettings> settings;

	RecordingDataSourcePostProcessor(ObjectProvider<JdbcCaptureSettings> settings) {
		this.settings = settings;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)) {
			return new RecordingDataSource(dataSource, beanName, this.settings.getObject());
		}
		return bean;
	}

	// Late, so that the data source is wrapped after other post-processors have decorated it.
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
