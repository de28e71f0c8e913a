package dev.querylens.data;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

import dev.querylens.capture.CurrentRepositoryMethod;

/**
 * Adds a {@link RepositoryMethodInterceptor} to every Spring Data repository, through the
 * repository factory's own customisation hook, before the repository is created.
 */
public final class RepositoryMethodPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
			factoryBean.addRepositoryFactoryCustomizer(
					(factory) -> factory.addRepositoryProxyPostProcessor((proxy, information) -> proxy
						.addAdvice(new RepositoryMethodInterceptor(information.getRepositoryInterface()))));
			CurrentRepositoryMethod.track();
		}
		return bean;
	}

}
