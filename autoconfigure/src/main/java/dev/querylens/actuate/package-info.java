/**
 * The {@code queries} actuator endpoint: recent recordings as JSON, for scripts and CI.
 */
package dev.querylens.actuate;
