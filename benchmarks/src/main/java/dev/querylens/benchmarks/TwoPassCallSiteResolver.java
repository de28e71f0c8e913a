package dev.querylens.benchmarks;

import java.lang.StackWalker.StackFrame;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.querylens.capture.CallSite;

/**
 * A call site found in two walks, measured beside the resolver: first the classes alone,
 * with {@code StackWalker.Option.DROP_METHOD_INFO} where the JDK has it (22 and later; on
 * 17 the option does not exist and the first walk fills every frame as the resolver's
 * does), to find how deep the call site lies; then the frames from there on with their
 * method and line. Kept in the benchmark module only, to show what the option could save.
 */
final class TwoPassCallSiteResolver {

	private static final StackWalker.Option DROP_METHOD_INFO = dropMethodInfo();

	private final StackWalker classes;

	private final StackWalker frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private final PrefixCallSiteResolver verdicts;

	private final ClassValue<Boolean> application = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return TwoPassCallSiteResolver.this.verdicts.isApplication(type.getName());
		}

	};

	TwoPassCallSiteResolver(List<String> additionalExcludes) {
		this.verdicts = new PrefixCallSiteResolver(additionalExcludes);
		Set<StackWalker.Option> options = EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE);
		if (DROP_METHOD_INFO != null) {
			options.add(DROP_METHOD_INFO);
		}
		this.classes = StackWalker.getInstance(options);
	}

	static boolean dropsMethodInfo() {
		return DROP_METHOD_INFO != null;
	}

	private static StackWalker.Option dropMethodInfo() {
		try {
			return StackWalker.Option.valueOf("DROP_METHOD_INFO");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The first walk alone: how deep the innermost application frame lies.
	 * @return its depth, or -1
	 */
	int depth() {
		return this.classes.walk((stream) -> {
			int depth = 0;
			for (StackFrame frame : (Iterable<StackFrame>) stream::iterator) {
				if (this.application.get(frame.getDeclaringClass())) {
					return depth;
				}
				depth++;
			}
			return -1;
		});
	}

	/**
	 * Both walks: the call site with its method and line.
	 * @return the call site, or {@code null}
	 */
	CallSite resolve() {
		int depth = depth();
		if (depth < 0) {
			return null;
		}
		// One frame less: the first walk's count began at depth(), called from here.
		StackFrame frame = this.frames.walk((stream) -> stream.skip(depth - 1).findFirst().orElse(null));
		return (frame != null)
				? new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber())
				: null;
	}

}
