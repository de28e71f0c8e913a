/**
 * The one place QueryLens runs EXPLAIN: the single-SELECT policy on the lexer's tokens,
 * per-database dialects, a read-only transaction that is rolled back, the slow-query
 * explainer on an injected executor, and the bounded cache of the plans it found.
 */
@NullMarked
package dev.querylens.explain;

import org.jspecify.annotations.NullMarked;
