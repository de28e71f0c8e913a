package dev.querylens.hibernate;

import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.Type;

import dev.querylens.capture.CallSite;
import dev.querylens.capture.CallSiteResolver;
import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.CurrentRepositoryMethod;
import dev.querylens.capture.Recording;
import dev.querylens.capture.RecordingAttribute;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

/**
 * Tells the current {@link Recording}'s {@link EntityLoads} which lazy association each
 * Hibernate lazy load initialised, from Hibernate's own events: a collection's
 * {@code INIT_COLLECTION}, a to-one proxy's {@code IMMEDIATE_LOAD}, and {@code POST_LOAD}
 * of every entity, which says which query (and Spring Data repository method) loaded it
 * and which uninitialised proxies it holds in which attribute.
 * <p>
 * {@code POST_LOAD} also tells it which statements Hibernate made entities of, with the
 * repository method that ran them, so that advice about the persistence context is given
 * only for those; a collection's mapping says whether it is {@code FetchType.EAGER}, so
 * that such a load is not called lazy.
 * <p>
 * A listener runs before Hibernate's own and one after it, so the statements between them
 * are exactly the load's. A to-one proxy held by attributes of two different roles in one
 * recording is not attributed, since which of them was touched cannot be known. With no
 * recording on the thread every listener returns after one thread-local read.
 */
public final class LazyLoadRecorder {

	private static final Log logger = LogFactory.getLog(LazyLoadRecorder.class);

	// Entities and proxies remembered per recording; past this a recording's later loads
	// are not attributed.
	static final int MAX_TRACKED = 50_000;

	private static final String CALL_SITE_KEY = "lazy-load ";

	private static final long NO_CALL_SITE = -1;

	private static final long ANOTHER_THREAD = -2;

	private final CallSiteResolver callSites;

	private final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	// What is tracked per running recording, attached to it so that it goes with the
	// recording, with no table of recordings here.
	private final RecordingAttribute<Tracker> trackers = RecordingAttribute.whileRunning("lazy-load tracker");

	private final Map<EntityPersister, int[]> toOneProperties = new ConcurrentHashMap<>();

	private volatile boolean failureLogged;

	/**
	 * Creates a recorder.
	 * @param callSites finds where application code touched a lazy association
	 */
	public LazyLoadRecorder(CallSiteResolver callSites) {
		this.callSites = callSites;
	}

	/**
	 * Registers this recorder's listeners with a session factory.
	 * @param registry the session factory's listener registry
	 */
	public void register(EventListenerRegistry registry) {
		Before before = new Before();
		After after = new After();
		registry.prependListeners(EventType.INIT_COLLECTION, before);
		registry.appendListeners(EventType.INIT_COLLECTION, after);
		registry.prependListeners(EventType.LOAD, before);
		registry.appendListeners(EventType.LOAD, after);
		registry.appendListeners(EventType.POST_LOAD, after);
	}

	/**
	 * Registers this recorder's listeners with a session factory.
	 * @param sessionFactory the session factory
	 */
	public void register(SessionFactoryImplementor sessionFactory) {
		register(sessionFactory.getEventListenerRegistry());
	}

	private void beforeCollection(InitializeCollectionEvent event) {
		Recording.Started recording = CurrentRecording.get();
		if (recording == null) {
			return;
		}
		PersistentCollection<?> collection = event.getCollection();
		String role = collection.getRole();
		if (role == null) {
			return;
		}
		CollectionPersister persister = factory(event.getSession()).getMappingMetamodel().getCollectionDescriptor(role);
		EntityPersister owner = persister.getOwnerEntityPersister();
		String prefix = owner.getEntityName() + ".";
		String attribute = role.startsWith(prefix) ? role.substring(prefix.length())
				: role.substring(role.lastIndexOf('.') + 1);
		Object ownerId = event.getAffectedOwnerIdOrNull();
		EntityKey ownerKey = (ownerId != null) ? key(owner, ownerId) : null;
		boolean eager = persister.getAttributeMapping().getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE;
		start(recording, event, owner.getJpaEntityName(), attribute, true, eager, ownerKey);
	}

	private void beforeProxy(LoadEvent event) {
		Recording.Started recording = CurrentRecording.get();
		if (recording == null) {
			return;
		}
		Tracker tracker = tracker(recording);
		EntityPersister target = factory(event.getSession()).getMappingMetamodel()
			.getEntityDescriptor(event.getEntityClassName());
		ProxyHolder holder;
		synchronized (tracker) {
			holder = tracker.proxies.get(key(target, event.getEntityId()));
		}
		if (holder == null || holder == ProxyHolder.AMBIGUOUS) {
			// Not reached through an association we saw (getReference, or two roles):
			// loads inside it start afresh.
			synchronized (tracker) {
				tracker.inFlight.push(new InFlight(event, Thread.currentThread(), null, null, NO_CALL_SITE));
			}
			return;
		}
		start(recording, event, holder.entity(), holder.attribute(), false, false, holder.ownerKey());
	}

	private void start(Recording.Started recording, Object event, String entity, String attribute, boolean collection,
			boolean eager, EntityKey ownerKey) {
		Tracker tracker = tracker(recording);
		String role = entity + "." + attribute;
		// Where the association was touched is found when the load ends, from its own
		// statements' call sites when they resolved theirs: the same frames, walked once.
		long resolutions = this.callSites.shouldResolve(recording, CALL_SITE_KEY + role) ? this.callSites.resolutions()
				: NO_CALL_SITE;
		synchronized (tracker) {
			Origin owner = (ownerKey != null) ? tracker.origins.get(ownerKey) : null;
			// A query that loaded entities of several types (a join fetch) does not say
			// which one the repository
			// method returns, so its name would go with the wrong path.
			String loader = (owner != null && tracker.loadedSeveralTypes(owner.loaderQueryIndex())) ? null
					: (owner != null) ? owner.loader() : null;
			Origin origin = (owner != null) ? new Origin(owner.rootEntity(),
					owner.path().isEmpty() ? attribute : owner.path() + "." + attribute, loader,
					owner.loaderQueryIndex()) : new Origin(entity, attribute, null, -1);
			LazyLoad started = new LazyLoad(entity, attribute, collection, origin.rootEntity(), origin.path(),
					origin.loader(), origin.loaderQueryIndex(), null, recording.getQueryCount(), 0, eager);
			tracker.inFlight.push(new InFlight(event, Thread.currentThread(), started, origin, resolutions));
		}
	}

	private void end(Object event) {
		Recording.Started recording = CurrentRecording.get();
		if (recording == null) {
			return;
		}
		Tracker tracker = recording.attached(this.trackers);
		if (tracker == null) {
			return;
		}
		LazyLoad started = null;
		long resolutions = NO_CALL_SITE;
		synchronized (tracker) {
			for (Iterator<InFlight> it = tracker.inFlight.iterator(); it.hasNext();) {
				InFlight inFlight = it.next();
				if (inFlight.event() == event) {
					it.remove();
					started = inFlight.load();
					// The count is the starting thread's: elsewhere the stack is walked.
					resolutions = (inFlight.thread() == Thread.currentThread()
							|| inFlight.resolutions() == NO_CALL_SITE) ? inFlight.resolutions() : ANOTHER_THREAD;
					break;
				}
			}
		}
		if (started != null) {
			CallSite callSite = (resolutions == NO_CALL_SITE) ? null : (resolutions == ANOTHER_THREAD)
					? this.callSites.resolve() : this.callSites.resolveSince(resolutions);
			int count = Math.max(0, recording.getQueryCount() - started.firstQueryIndex());
			tracker.loads.recordLazyLoad(new LazyLoad(started.entity(), started.attribute(), started.collection(),
					started.rootEntity(), started.path(), started.loader(), started.loaderQueryIndex(), callSite,
					started.firstQueryIndex(), count, started.eager()));
		}
	}

	private void postLoad(PostLoadEvent event) {
		Recording.Started recording = CurrentRecording.get();
		if (recording == null || event.getEntity() == null || event.getPersister() == null) {
			return;
		}
		EntityPersister persister = event.getPersister();
		Tracker tracker = tracker(recording);
		Origin origin;
		synchronized (tracker) {
			InFlight current = tracker.current();
			origin = (current != null && current.origin() != null) ? current.origin() : null;
		}
		if (origin == null) {
			int queryIndex = recording.getQueryCount() - 1;
			String loader;
			boolean known;
			synchronized (tracker) {
				known = tracker.loaderQueryIndex == queryIndex;
				loader = tracker.loader;
			}
			if (!known) {
				// One stack walk per statement that loads entities, not one per entity.
				loader = repositoryMethod();
				synchronized (tracker) {
					tracker.loaderQueryIndex = queryIndex;
					tracker.loader = loader;
				}
			}
			origin = new Origin(persister.getJpaEntityName(), "", loader, queryIndex);
			synchronized (tracker) {
				tracker.loaded(queryIndex, persister.getJpaEntityName());
			}
			if (!known) {
				tracker.loads.recordEntityStatement(queryIndex, loader);
			}
		}
		else {
			tracker.loads.recordEntityStatement(recording.getQueryCount() - 1, null);
		}
		Object entity = event.getEntity();
		String[] names = persister.getPropertyNames();
		// Most loaded entities hold no uninitialised proxy: no list for them.
		List<Object[]> proxies = List.of();
		for (int index : toOneProperties(persister)) {
			Object value = persister.getValue(entity, index);
			if (value instanceof HibernateProxy proxy) {
				LazyInitializer initializer = proxy.getHibernateLazyInitializer();
				if (initializer.isUninitialized()) {
					if (proxies.isEmpty()) {
						proxies = new ArrayList<>(2);
					}
					proxies.add(new Object[] { initializer, names[index] });
				}
			}
		}
		EntityKey ownerKey = key(persister, event.getId());
		String entityName = persister.getJpaEntityName();
		synchronized (tracker) {
			if (tracker.origins.size() < MAX_TRACKED) {
				tracker.origins.putIfAbsent(ownerKey, origin);
			}
			for (Object[] found : proxies) {
				LazyInitializer initializer = (LazyInitializer) found[0];
				EntityPersister target = factory(event.getSession()).getMappingMetamodel()
					.getEntityDescriptor(initializer.getEntityName());
				EntityKey proxyKey = key(target, initializer.getInternalIdentifier());
				ProxyHolder holder = new ProxyHolder(entityName, (String) found[1], ownerKey);
				ProxyHolder known = tracker.proxies.get(proxyKey);
				if (known == null) {
					if (tracker.proxies.size() < MAX_TRACKED) {
						tracker.proxies.put(proxyKey, holder);
					}
				}
				else if (known != ProxyHolder.AMBIGUOUS && !known.sameRole(holder)) {
					tracker.proxies.put(proxyKey, ProxyHolder.AMBIGUOUS);
				}
			}
		}
	}

	private int[] toOneProperties(EntityPersister persister) {
		return this.toOneProperties.computeIfAbsent(persister, (key) -> {
			Type[] types = key.getPropertyTypes();
			int[] indexes = new int[types.length];
			int count = 0;
			for (int i = 0; i < types.length; i++) {
				if (types[i].isEntityType()) {
					indexes[count++] = i;
				}
			}
			return Arrays.copyOf(indexes, count);
		});
	}

	// The innermost call through a Spring Data repository, as the repository noted it;
	// where nothing notes it (no
	// Spring Data integration), the innermost JDK proxy on the stack that implements an
	// application interface.
	private String repositoryMethod() {
		if (CurrentRepositoryMethod.isTracked()) {
			return CurrentRepositoryMethod.get();
		}
		return this.walker.walk((frames) -> frames.map(LazyLoadRecorder::repositoryMethod)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null));
	}

	private static String repositoryMethod(StackFrame frame) {
		Class<?> type = frame.getDeclaringClass();
		if (!Proxy.isProxyClass(type)) {
			return null;
		}
		for (Class<?> candidate : type.getInterfaces()) {
			String name = candidate.getName();
			if (name.startsWith("java.") || name.startsWith("jakarta.") || name.startsWith("org.springframework.")
					|| name.startsWith("org.hibernate.")) {
				continue;
			}
			for (Method method : candidate.getMethods()) {
				if (method.getName().equals(frame.getMethodName())) {
					return candidate.getSimpleName() + "." + frame.getMethodName();
				}
			}
		}
		return null;
	}

	private Tracker tracker(Recording.Started recording) {
		Tracker tracker = recording.attached(this.trackers);
		if (tracker != null) {
			return tracker;
		}
		EntityLoads.Recorder loads = EntityLoads.recorder(recording);
		return recording.attached(this.trackers, () -> new Tracker(loads));
	}

	private static SessionFactoryImplementor factory(EventSource session) {
		return session.getFactory();
	}

	// A record rather than a string built per loaded entity: no text of the id is made.
	private static EntityKey key(EntityPersister persister, Object id) {
		return new EntityKey(persister.getRootEntityName(), id);
	}

	private void failed(RuntimeException ex) {
		if (!this.failureLogged) {
			this.failureLogged = true;
			logger.warn("QueryLens could not follow a Hibernate lazy load; later failures are not logged", ex);
		}
	}

	private static final class Tracker {

		// What the finished recording keeps; the rest of the tracker goes with the
		// running
		// one.
		private final EntityLoads.Recorder loads;

		private final Map<EntityKey, Origin> origins = new HashMap<>();

		private final Map<EntityKey, ProxyHolder> proxies = new HashMap<>();

		private final Deque<InFlight> inFlight = new ArrayDeque<>();

		private int loaderQueryIndex = -2;

		private String loader;

		// The entity types each query loaded, when it loaded more than one.
		private final Map<Integer, String> firstTypeByQuery = new HashMap<>();

		private final Set<Integer> severalTypes = new HashSet<>();

		Tracker(EntityLoads.Recorder loads) {
			this.loads = loads;
		}

		void loaded(int queryIndex, String entityName) {
			String first = this.firstTypeByQuery.putIfAbsent(queryIndex, entityName);
			if (first != null && !first.equals(entityName)) {
				this.severalTypes.add(queryIndex);
			}
		}

		boolean loadedSeveralTypes(int queryIndex) {
			return this.severalTypes.contains(queryIndex);
		}

		InFlight current() {
			Thread thread = Thread.currentThread();
			for (InFlight inFlight : this.inFlight) {
				if (inFlight.thread() == thread) {
					return inFlight;
				}
			}
			return null;
		}

	}

	// How an entity was reached: loaded by a query (path empty) or by a lazy load along a
	// path from the root.
	private record Origin(String rootEntity, String path, String loader, int loaderQueryIndex) {
	}

	private record EntityKey(String rootEntity, Object id) {
	}

	private record ProxyHolder(String entity, String attribute, EntityKey ownerKey) {

		static final ProxyHolder AMBIGUOUS = new ProxyHolder(null, null, null);

		boolean sameRole(ProxyHolder other) {
			return Objects.equals(this.entity, other.entity) && Objects.equals(this.attribute, other.attribute);
		}

	}

	// resolutions: the resolver's count when the load started, or NO_CALL_SITE when no
	// call site is wanted.
	private record InFlight(Object event, Thread thread, LazyLoad load, Origin origin, long resolutions) {
	}

	/**
	 * Runs before Hibernate's own listeners: notes where a lazy load starts.
	 */
	private final class Before implements InitializeCollectionEventListener, LoadEventListener {

		@Override
		public void onInitializeCollection(InitializeCollectionEvent event) {
			try {
				beforeCollection(event);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

		@Override
		public void onLoad(LoadEvent event, LoadType loadType) {
			if (loadType != IMMEDIATE_LOAD) {
				return;
			}
			try {
				beforeProxy(event);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

	}

	/**
	 * Runs after Hibernate's own listeners: records the finished lazy load, and what a
	 * loaded entity holds.
	 */
	private final class After implements InitializeCollectionEventListener, LoadEventListener, PostLoadEventListener {

		@Override
		public void onInitializeCollection(InitializeCollectionEvent event) {
			try {
				end(event);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

		@Override
		public void onLoad(LoadEvent event, LoadType loadType) {
			if (loadType != IMMEDIATE_LOAD) {
				return;
			}
			try {
				end(event);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

		@Override
		public void onPostLoad(PostLoadEvent event) {
			try {
				postLoad(event);
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

	}

}
