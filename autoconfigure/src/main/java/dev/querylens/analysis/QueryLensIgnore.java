package dev.querylens.analysis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Silences findings caused by the annotated method or class, as Bullet's safelist does:
 * they are still recorded and shown, greyed out and marked ignored, but not counted,
 * logged, measured or failed on.
 * <p>
 * On a controller's handler method or class, it covers every finding of the requests it
 * handles. On any other method or class (a service, a job), it covers the findings whose
 * call site is in that method: the application frame that ran the statements, such as the
 * loop that read a lazy association. A lambda inside the method counts as the method.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueryLensIgnore {

	/**
	 * The finding types to silence; empty silences every type.
	 * @return the finding types
	 */
	FindingType[] value() default {};

	/**
	 * Why these findings are accepted, for the reader of the code.
	 * @return the reason, may be empty
	 */
	String reason() default "";

}
