package dev.querylens.analysis;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.querylens.capture.Recording;
import dev.querylens.capture.RecordingAttribute;

/**
 * Decides which findings are silenced: by an {@link IgnoreRule} from configuration, by
 * {@link QueryLensIgnore} on the method of the finding's call site (or its class), or by
 * the finding types the recording itself was told to ignore (the web layer does that for
 * an annotated handler method).
 */
public final class IgnoreRules {

	// Call sites are a finite set of code locations, but a bound keeps a pathological app
	// from growing it forever.
	private static final int MAX_CACHED_CALL_SITES = 4096;

	private static final Set<FindingType> NONE = Collections.unmodifiableSet(EnumSet.noneOf(FindingType.class));

	/**
	 * The finding types the handler method of a request (or its class) silences with
	 * {@link QueryLensIgnore}, attached to the request's recording by the web package,
	 * wherever in the request they come from. Types attached twice add up.
	 */
	public static final RecordingAttribute<Set<FindingType>> IGNORED_BY_HANDLER = RecordingAttribute
		.kept("finding types the handler ignores", (before, now) -> {
			Set<FindingType> all = EnumSet.noneOf(FindingType.class);
			all.addAll(before);
			all.addAll(now);
			return Collections.unmodifiableSet(all);
		});

	private final List<IgnoreRule> rules;

	private final boolean annotations;

	// The finding types @QueryLensIgnore silences per "class#method", found by reflection
	// once.
	private final Map<String, Set<FindingType>> annotated = new ConcurrentHashMap<>();

	/**
	 * Creates the rules.
	 * @param rules the configured rules
	 * @param annotations whether {@link QueryLensIgnore} on call-site methods and classes
	 * is honoured
	 */
	public IgnoreRules(List<IgnoreRule> rules, boolean annotations) {
		this.rules = List.copyOf(rules);
		this.annotations = annotations;
	}

	/**
	 * Returns rules that honour {@link QueryLensIgnore} and recordings' own ignored types
	 * only.
	 * @return the rules
	 */
	public static IgnoreRules annotationsOnly() {
		return new IgnoreRules(List.of(), true);
	}

	/**
	 * Returns the configured rules.
	 * @return the rules
	 */
	public List<IgnoreRule> getRules() {
		return this.rules;
	}

	/**
	 * Returns the findings with those that are silenced marked {@link Finding#ignored()
	 * ignored}, in the same order.
	 * @param findings the findings
	 * @param recording the recording they were found in
	 * @return the findings
	 */
	public List<Finding> apply(List<Finding> findings, Recording recording) {
		Set<FindingType> byHandler = recording.getAttribute(IGNORED_BY_HANDLER);
		Set<FindingType> ignoredTypes = (byHandler != null) ? byHandler : NONE;
		List<Finding> result = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			boolean ignored = finding.ignored() || ignoredTypes.contains(finding.type()) || isIgnored(finding);
			result.add((ignored == finding.ignored()) ? finding
					: new Finding(finding.type(), finding.severity(), finding.message(), finding.fingerprint(),
							finding.count(), finding.callSite(), finding.association(), finding.suggestion(),
							finding.queryIndexes(), true));
		}
		return result;
	}

	private boolean isIgnored(Finding finding) {
		for (IgnoreRule rule : this.rules) {
			if (rule.matches(finding)) {
				return true;
			}
		}
		return this.annotations && findAnnotatedTypes(finding.callSite()).contains(finding.type());
	}

	/**
	 * Returns the finding types {@link QueryLensIgnore} silences at a call site.
	 * @param callSite a call site in {@link StackTraceElement} form,
	 * {@code com.example.Job.run(Job.java:12)}
	 * @return the types, empty when the method and class carry no annotation or cannot be
	 * found
	 */
	Set<FindingType> findAnnotatedTypes(String callSite) {
		if (callSite == null) {
			return NONE;
		}
		int paren = callSite.indexOf('(');
		int dot = (paren > 0) ? callSite.lastIndexOf('.', paren) : -1;
		if (dot <= 0) {
			return NONE;
		}
		String className = callSite.substring(0, dot);
		String methodName = callSite.substring(dot + 1, paren);
		String key = className + '#' + methodName;
		Set<FindingType> types = this.annotated.get(key);
		if (types == null) {
			types = lookUp(className, methodName);
			if (this.annotated.size() < MAX_CACHED_CALL_SITES) {
				this.annotated.put(key, types);
			}
		}
		return types;
	}

	private static Set<FindingType> lookUp(String className, String methodName) {
		Class<?> type = load(className);
		if (type == null) {
			return NONE;
		}
		String name = enclosingMethodName(methodName);
		Set<FindingType> types = EnumSet.noneOf(FindingType.class);
		try {
			for (Method method : type.getDeclaredMethods()) {
				if (method.getName().equals(name)) {
					add(types, method.getAnnotation(QueryLensIgnore.class));
				}
			}
		}
		catch (LinkageError ex) {
			// A method signature names a class that is missing: the class-level
			// annotation may still apply.
		}
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getEnclosingClass()) {
			add(types, candidate.getAnnotation(QueryLensIgnore.class));
		}
		return types.isEmpty() ? NONE : Collections.unmodifiableSet(types);
	}

	// A lambda's body is compiled to lambda$<enclosing method>$<n>: it belongs to the
	// method it was written in.
	private static String enclosingMethodName(String methodName) {
		if (methodName.startsWith("lambda$")) {
			int end = methodName.indexOf('$', "lambda$".length());
			if (end > "lambda$".length()) {
				return methodName.substring("lambda$".length(), end);
			}
		}
		return methodName;
	}

	private static void add(Set<FindingType> types, QueryLensIgnore ignore) {
		if (ignore != null) {
			types.addAll(
					(ignore.value().length == 0) ? EnumSet.allOf(FindingType.class) : Arrays.asList(ignore.value()));
		}
	}

	// The application's classes may live in a loader below QueryLens's own (DevTools'
	// restart loader).
	private static Class<?> load(String className) {
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		for (ClassLoader loader : new ClassLoader[] { context, IgnoreRules.class.getClassLoader() }) {
			if (loader != null) {
				try {
					return Class.forName(className, false, loader);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					// Try the next loader.
				}
			}
		}
		return null;
	}

}
