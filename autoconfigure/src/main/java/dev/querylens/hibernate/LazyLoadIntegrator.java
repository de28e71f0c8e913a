package dev.querylens.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;

/**
 * Registers a {@link LazyLoadRecorder}'s listeners with one entity manager factory,
 * through the {@code hibernate.integrator_provider} setting of that factory alone. Not a
 * {@code META-INF/services} integrator, which Hibernate would apply to every session
 * factory in the JVM, with no access to the application's settings.
 */
public final class LazyLoadIntegrator implements Integrator {

	/** Hibernate's setting for integrators of one JPA persistence unit. */
	public static final String INTEGRATOR_PROVIDER = "hibernate.integrator_provider";

	private static final Log logger = LogFactory.getLog(LazyLoadIntegrator.class);

	private final LazyLoadRecorder recorder;

	/**
	 * Creates an integrator.
	 * @param recorder the recorder whose listeners to register
	 */
	public LazyLoadIntegrator(LazyLoadRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		this.recorder.register(sessionFactory);
	}

	/**
	 * Adds this integrator to the Hibernate properties of an entity manager factory,
	 * keeping any integrator provider already set there.
	 * @param hibernateProperties the properties the factory is built with
	 */
	public void addTo(Map<String, Object> hibernateProperties) {
		Object existing = hibernateProperties.get(INTEGRATOR_PROVIDER);
		if (existing != null && !(existing instanceof IntegratorProvider)) {
			// A class name or class is instantiated by Hibernate itself; replacing it
			// would drop the app's integrators.
			logger.info("QueryLens does not follow Hibernate lazy loads: '" + INTEGRATOR_PROVIDER + "' is set to "
					+ existing);
			return;
		}
		IntegratorProvider previous = (IntegratorProvider) existing;
		hibernateProperties.put(INTEGRATOR_PROVIDER, (IntegratorProvider) () -> {
			List<Integrator> integrators = new ArrayList<>();
			if (previous != null) {
				integrators.addAll(previous.getIntegrators());
			}
			integrators.add(this);
			return integrators;
		});
	}

}
