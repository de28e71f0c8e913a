package dev.querylens.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The place in application code that caused a query, in {@link StackTraceElement} form,
 * with the application frames that called it (its call path). A lambda's frame is shown
 * as the method that encloses it, at the lambda's line ({@code Catalog.authorNames}, not
 * {@code Catalog.lambda$authorNames$0}).
 * <p>
 * Two call sites are equal when their frames are: the callers take no part, so findings
 * grouped by call site and ignore rules see the innermost application frame only,
 * whatever path led to it.
 */
public final class CallSite {

	private static final StackTraceElement[] NO_CALLERS = {};

	private final String className;

	private final @Nullable String methodName;

	private final @Nullable String fileName;

	private final int lineNumber;

	// Kept as the walker gave them and formatted only when a report asks: most call sites
	// are never shown.
	private final StackTraceElement[] callers;

	/**
	 * Creates a call site without callers.
	 * @param className the fully qualified class name
	 * @param methodName the method name
	 * @param fileName the source file name, or {@code null} when unknown
	 * @param lineNumber the line number, or a negative number when unknown
	 */
	public CallSite(String className, String methodName, String fileName, int lineNumber) {
		this(className, methodName, fileName, lineNumber, NO_CALLERS);
	}

	CallSite(StackTraceElement frame, StackTraceElement[] callers) {
		this(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber(), callers);
	}

	private CallSite(String className, String methodName, String fileName, int lineNumber,
			StackTraceElement[] callers) {
		this.className = className;
		this.methodName = methodName;
		this.fileName = fileName;
		this.lineNumber = lineNumber;
		this.callers = callers;
	}

	/**
	 * Returns this call site as called from another: the caller's frame and its call path
	 * become this one's call path. A {@code @Transactional} method begins its transaction
	 * before its first line, so its own frame is not on the stack; its caller's is.
	 * @param caller the application frame that called it, or {@code null} when unknown
	 * @return the call site with that call path, or this one when there is no caller
	 */
	public CallSite calledFrom(@Nullable CallSite caller) {
		if (caller == null || caller.methodName == null) {
			return this;
		}
		StackTraceElement[] path = new StackTraceElement[1 + caller.callers.length];
		path[0] = new StackTraceElement(caller.className, caller.methodName, caller.fileName, caller.lineNumber);
		System.arraycopy(caller.callers, 0, path, 1, caller.callers.length);
		return new CallSite(this.className, this.methodName, this.fileName, this.lineNumber, path);
	}

	/**
	 * Returns the application frame that called this one, the second of its call path.
	 * @return the caller, with the rest of the call path as its own, or {@code null} when
	 * the call path has no caller
	 */
	public @Nullable CallSite caller() {
		if (this.callers.length == 0) {
			return null;
		}
		return new CallSite(this.callers[0], Arrays.copyOfRange(this.callers, 1, this.callers.length));
	}

	/**
	 * A call site that is not a stack frame, such as the view being rendered.
	 * @param description what caused the query, e.g. {@code view:orders/list}
	 * @return the call site
	 */
	public static CallSite described(String description) {
		return new CallSite(description, null, null, -1);
	}

	/**
	 * Returns the fully qualified class name.
	 * @return the class name, or the description of a call site that is not a frame
	 */
	public String className() {
		return this.className;
	}

	/**
	 * Returns the method name as the application's source writes it: for a frame inside a
	 * lambda, the method that encloses the lambda.
	 * @return the method name, or {@code null} for a call site that is not a frame
	 */
	public String methodName() {
		return (this.methodName != null) ? writtenMethod(this.methodName) : null;
	}

	/**
	 * Returns the source file name.
	 * @return the file name, or {@code null} when unknown
	 */
	public String fileName() {
		return this.fileName;
	}

	/**
	 * Returns the line number.
	 * @return the line number, or a negative number when unknown
	 */
	public int lineNumber() {
		return this.lineNumber;
	}

	/**
	 * Returns the application frames from this one outwards: this call site first, then
	 * the application method that called it, and so on, as far as they were captured.
	 * @return the frames in {@link #toString()} form, innermost first
	 */
	public List<String> callPath() {
		List<String> path = new ArrayList<>(1 + this.callers.length);
		path.add(toString());
		for (StackTraceElement caller : this.callers) {
			path.add(format(caller.getClassName(), caller.getMethodName(), caller.getFileName(),
					caller.getLineNumber()));
		}
		return Collections.unmodifiableList(path);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof CallSite that && this.lineNumber == that.lineNumber
				&& Objects.equals(this.className, that.className) && Objects.equals(this.methodName, that.methodName)
				&& Objects.equals(this.fileName, that.fileName);
	}

	@Override
	public int hashCode() {
		// Without Objects.hash's array and boxed line: call sites are grouping keys of
		// every statement analysed.
		int hash = Objects.hashCode(this.className);
		hash = 31 * hash + Objects.hashCode(this.methodName);
		hash = 31 * hash + Objects.hashCode(this.fileName);
		return 31 * hash + this.lineNumber;
	}

	@Override
	public String toString() {
		if (this.methodName == null) {
			return this.className;
		}
		return format(this.className, this.methodName, this.fileName, this.lineNumber);
	}

	private static String format(String className, String methodName, String fileName, int lineNumber) {
		String location = (fileName == null) ? "Unknown Source"
				: (lineNumber >= 0) ? fileName + ":" + lineNumber : fileName;
		return className + "." + writtenMethod(methodName) + "(" + location + ")";
	}

	// A lambda's body is compiled to lambda$<enclosing method>$<n>: shown as the method
	// the user wrote, at the lambda's own line, which is where the loop is.
	private static String writtenMethod(String methodName) {
		if (methodName.startsWith("lambda$")) {
			int end = methodName.indexOf('$', "lambda$".length());
			if (end > "lambda$".length()) {
				String enclosing = methodName.substring("lambda$".length(), end);
				return switch (enclosing) {
					case "new" -> "<init>";
					case "static" -> "<clinit>";
					default -> enclosing;
				};
			}
		}
		return methodName;
	}

}
