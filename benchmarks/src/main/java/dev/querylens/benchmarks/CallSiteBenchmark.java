package dev.querylens.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.example.shop.OrderController;
import com.example.shop.OrderService;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;
import org.apache.catalina.bench.ServletContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.aop.bench.FrameworkChain;

/**
 * The cost of one call site on a realistic stack: the statement runs
 * {@value #ABOVE_SERVICE} framework frames (Spring AOP, Spring Data, the transaction
 * interceptor, Hibernate, the pool) above the application's service method, which a
 * controller called through {@value #ABOVE_CONTROLLER} more, itself
 * {@value #BELOW_CONTROLLER} frames of servlet container above the benchmark harness. The
 * class names are those of the frameworks' packages, so every frame is judged as it would
 * be in an application.
 * <p>
 * {@code none} builds the same stack and resolves nothing: subtract it from the others.
 * {@code prefixes} is the resolver before the verdict was cached (string prefixes per
 * frame, first frame only); {@code innermost} the current one keeping the call site
 * alone; {@code callPath} the current one with its default call path.
 * <p>
 * Alternatives measured beside them: {@code stackTrace} the prefix verdict over
 * {@link Thread#getStackTrace()}; {@code captureOnly} a {@link Throwable} filled in and
 * kept, its stack not read, the cheapest capture there is on JDK 17 (what resolving
 * lazily, on first read, would pay on the request thread); {@code walkerDepthHint} the
 * {@code prefixes} walk with the walker told to expect 128 frames (one batch instead of
 * several); {@code classesOnly} the first walk of {@link TwoPassCallSiteResolver} alone
 * (classes only, with {@code DROP_METHOD_INFO} on JDK 22 and later), {@code twoPass} both
 * of its walks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallSiteBenchmark {

	static final int ABOVE_SERVICE = 60;

	static final int ABOVE_CONTROLLER = 16;

	static final int BELOW_CONTROLLER = 24;

	// The benchmark's own frames are in QueryLens's jar once shaded; the harness is not
	// application code either.
	private static final List<String> NOT_APPLICATION = List.of("dev.querylens.benchmarks.", "org.openjdk.jmh.");

	/** Which resolver runs at the top of the stack. */
	@Param({ "none", "prefixes", "innermost", "callPath", "stackTrace", "captureOnly", "walkerDepthHint", "classesOnly",
			"twoPass" })
	public String resolver;

	private final OrderController controller = new OrderController();

	private final OrderService service = new OrderService();

	private Supplier<?> statement;

	@Setup
	public void chooseResolver() {
		this.statement = switch (this.resolver) {
			case "none" -> () -> null;
			case "prefixes" -> new PrefixCallSiteResolver(NOT_APPLICATION)::resolve;
			case "stackTrace" -> new PrefixCallSiteResolver(NOT_APPLICATION)::resolveFromStackTrace;
			case "captureOnly" -> CallSiteBenchmark::captureOnly;
			case "walkerDepthHint" -> new PrefixCallSiteResolver(NOT_APPLICATION, 128)::resolve;
			case "classesOnly" -> new TwoPassCallSiteResolver(NOT_APPLICATION)::depth;
			case "twoPass" -> new TwoPassCallSiteResolver(NOT_APPLICATION)::resolve;
			case "innermost" -> new CallSiteResolver(CallSiteMode.FULL, List.of(), NOT_APPLICATION, 1)::resolve;
			case "callPath" -> new CallSiteResolver(CallSiteMode.FULL, List.of(), NOT_APPLICATION,
					CallSiteResolver.DEFAULT_MAX_CALL_PATH)::resolve;
			default -> throw new IllegalArgumentException(this.resolver);
		};
		Object resolved = resolve();
		CallSite callSite = (resolved instanceof CallSite found) ? found : null;
		boolean expected = "none".equals(this.resolver) || "captureOnly".equals(this.resolver)
				|| ("classesOnly".equals(this.resolver) && ((Integer) resolved) > CallSiteBenchmark.ABOVE_SERVICE)
				|| (callSite != null && callSite.className().equals(OrderService.class.getName()));
		if (!expected) {
			throw new IllegalStateException("The call site should be the service, not " + callSite);
		}
	}

	private static Object captureOnly() {
		return new Throwable();
	}

	/**
	 * Resolves the call site of a statement run deep under a service and a controller.
	 * @return the call site, kept as a recorded statement keeps it
	 */
	@Benchmark
	public Object resolve() {
		return ServletContainer.call(BELOW_CONTROLLER,
				() -> this.controller.list(() -> FrameworkChain.call(ABOVE_CONTROLLER,
						() -> this.service.orders(() -> FrameworkChain.call(ABOVE_SERVICE, this.statement)))));
	}

}
