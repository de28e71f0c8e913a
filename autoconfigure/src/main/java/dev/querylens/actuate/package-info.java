/**
 * The {@code queries} actuator endpoint: recent recordings as JSON, for scripts and CI.
 */
@NullMarked
package dev.querylens.actuate;

import org.jspecify.annotations.NullMarked;
