/**
 * The servlet side: a filter that opens a recording per HTTP request and closes it in
 * {@code finally}, the response headers, and the hooks that follow a request into its
 * view and its async work; and the toolbar: who may see it, the badge injected into HTML
 * pages, the dashboard with its JSON and EXPLAIN, rendered by QueryLens's own Thymeleaf
 * engine from {@code querylens/} class path resources.
 */
@NullMarked
package dev.querylens.web;

import org.jspecify.annotations.NullMarked;
