/**
 * The dashboard under the toolbar's path: who may reach it (decided first, by
 * {@link dev.querylens.web.ToolbarAccess}) and a small route table that dispatches to the
 * pages (typed views rendered by QueryLens's own Thymeleaf engine), the JSON API with its
 * EXPLAIN and SELECT buttons, and the toolbar's static files, kept in memory with an
 * ETag.
 */
@NullMarked
package dev.querylens.web.dashboard;

import org.jspecify.annotations.NullMarked;
