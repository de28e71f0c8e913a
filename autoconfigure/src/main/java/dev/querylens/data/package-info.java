/**
 * Optional Spring Data integration: each repository notes the repository method running
 * on the thread, for the Hibernate lazy-load tracking to read without a stack walk. The
 * only QueryLens package that imports Spring Data; depends on {@code capture} only.
 */
@NullMarked
package dev.querylens.data;

import org.jspecify.annotations.NullMarked;
