package dev.querylens.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.jdbc.RecordingDataSource;

/**
 * Makes every {@link DataSource} bean record its statements under the bean's name,
 * keeping the bean's type: the bean becomes a class-based proxy of itself whose
 * {@code getConnection} methods hand out {@link RecordingDataSource recording}
 * connections, while every other method (a pool's own, {@code close}, its MXBean) reaches
 * the original bean. A class that cannot be subclassed faithfully is wrapped in a
 * {@link RecordingDataSource} instead, said once at INFO.
 * <p>
 * A bean that delegates to a data source already recorded
 * ({@code LazyConnectionDataSourceProxy}, {@code TransactionAwareDataSourceProxy}, any
 * {@code DelegatingDataSource} over a recorded bean) is left as it is, so that its
 * statements are recorded once, by the pool. A routing data source is always made to
 * record, for the targets that are not beans: the connections it takes from recorded
 * targets are passed on as they are.
 */
final class RecordingDataSourcePostProcessor implements BeanPostProcessor, Ordered {

	private static final Log logger = LogFactory.getLog(RecordingDataSourcePostProcessor.class);

	private static final String ROUTING_DATA_SOURCE = "org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource";

	private final ObjectProvider<JdbcCaptureSettings> settings;

	private final Class<?> routingDataSource;

	RecordingDataSourcePostProcessor(ObjectProvider<JdbcCaptureSettings> settings) {
		this.settings = settings;
		ClassLoader classLoader = RecordingDataSourcePostProcessor.class.getClassLoader();
		this.routingDataSource = ClassUtils.isPresent(ROUTING_DATA_SOURCE, classLoader)
				? ClassUtils.resolveClassName(ROUTING_DATA_SOURCE, classLoader) : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || isRecorded(dataSource)) {
			return bean;
		}
		RecordingDataSource recording = new RecordingDataSource(dataSource, beanName, this.settings.getObject());
		String reason = whyNotProxyable(bean.getClass());
		if (reason == null) {
			try {
				return proxy(dataSource, recording);
			}
			catch (RuntimeException | LinkageError ex) {
				reason = "its class could not be proxied (" + ex + ")";
			}
		}
		logger.info("QueryLens records data source '" + beanName
				+ "' through a wrapper that is only a javax.sql.DataSource, because " + reason
				+ ": inject it as DataSource, or unwrap it to " + bean.getClass().getName());
		return recording;
	}

	// Decided on isWrapperFor, which delegating data sources pass on to their target, so
	// that one over a recorded
	// bean is not recorded a second time. Not asked of a routing data source, whose
	// answer comes from its
	// current lookup key; a failing answer counts as "not recorded", as recording twice
	// is better than not at all.
	private boolean isRecorded(DataSource dataSource) {
		if (dataSource instanceof RecordingDataSource) {
			return true;
		}
		if (this.routingDataSource != null && this.routingDataSource.isInstance(dataSource)) {
			return false;
		}
		try {
			return dataSource.isWrapperFor(RecordingDataSource.class);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String whyNotProxyable(Class<?> type) {
		if (Modifier.isFinal(type.getModifiers())) {
			return "its class " + type.getName() + " is final";
		}
		if (type.isHidden() || type.isSynthetic() || Proxy.isProxyClass(type)) {
			return "its class " + type.getName() + " is generated";
		}
		// A final method of a proxy would run on the proxy's own, empty, fields instead
		// of the bean's.
		for (Method method : type.getMethods()) {
			if (Modifier.isFinal(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getDeclaringClass() != Object.class) {
				return "its method " + method.getDeclaringClass().getName() + "." + method.getName() + " is final";
			}
		}
		return null;
	}

	private static Object proxy(DataSource bean, RecordingDataSource recording) {
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(
				new DefaultPointcutAdvisor(new RecordingMethods(), new RecordingConnectionInterceptor(recording)));
		factory.setFrozen(true);
		return factory.getProxy(bean.getClass().getClassLoader());
	}

	// Late, so that the data source is wrapped after other post-processors have decorated
	// it.
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	/**
	 * The methods the proxy handles itself; the others go straight to the bean.
	 */
	private static final class RecordingMethods extends StaticMethodMatcherPointcut {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return RecordingConnectionInterceptor.handles(method);
		}

	}

}
