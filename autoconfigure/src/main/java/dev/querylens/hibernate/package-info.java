/**
 * Optional Hibernate integration: listeners that tell a
 * {@link dev.querylens.capture.Recording} exactly which lazy association each lazy load
 * initialised, as {@link dev.querylens.orm.EntityLoads}. The only QueryLens package that
 * imports Hibernate; depends on {@code capture} and {@code orm} only.
 */
@NullMarked
package dev.querylens.hibernate;

import org.jspecify.annotations.NullMarked;
