/**
 * Optional Hibernate integration: listeners that tell a
 * {@link dev.querylens.capture.Recording} exactly which lazy association each lazy load
 * initialised. The only QueryLens package that imports Hibernate; depends on
 * {@code capture} only.
 */
@NullMarked
package dev.querylens.hibernate;

import org.jspecify.annotations.NullMarked;
