package dev.querylens.capture;

import org.jspecify.annotations.Nullable;

/**
 * The place in application code that caused a query, in {@link StackTraceElement} form.
 *
 * @param className the fully qualified class name
 * @param methodName the method name, or {@code null} for a call site that is not a stack frame
 * @param fileName the source file name, or {@code null} when unknown
 * @param lineNumber the line number, or a negative number when unknown
 */
public record CallSite(String className, @Nullable String methodName, @Nullable String fileName, int lineNumber) {

	/**
	 * A call site that is not a stack frame, such as the view being rendered.
	 * @param description what caused the query, e.g. {@code view:orders/list}
	 * @return the call site
	 */
	public static CallSite described(String description) {
		return new CallSite(description, null, null, -1);
	}

	@Override
	public String toString() {
		if (this.methodName == null) {
			return this.className;
		}
		String location = (this.fileName == null) ? "Unknown Source"
				: (this.lineNumber >= 0) ? this.fileName + ":" + this.lineNumber : this.fileName;
		return this.className + "." + this.methodName + "(" + location + ")";
	}

}
