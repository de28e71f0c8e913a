/**
 * Micrometer meters of finished recordings ({@code querylens.*}, low-cardinality tags
 * only) and the key values QueryLens adds to the HTTP server observation, and the current
 * recording's context-propagation accessor. The only package that uses Micrometer.
 */
@NullMarked
package dev.querylens.metrics;

import org.jspecify.annotations.NullMarked;
