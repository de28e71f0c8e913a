/**
 * Work outside any HTTP request, in the {@code jobs} profile only so that the history
 * stays calm otherwise: a scheduled report, a JMS listener on an embedded Artemis broker
 * and a Spring Batch export, each with an N+1 and its fixed twin, listed in the
 * dashboard's Tasks tab.
 */
package dev.querylens.demo.jobs;
