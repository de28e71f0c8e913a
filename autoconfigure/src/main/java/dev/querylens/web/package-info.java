/**
 * The servlet side: a filter that opens a recording per HTTP request and closes it in
 * {@code finally}, the response headers, and the hooks that follow a request into its
 * view and its async work; and the toolbar: who may see it and the badge injected into
 * HTML pages. The dashboard itself is {@code web.dashboard}, which this package never
 * uses.
 */
@NullMarked
package dev.querylens.web;

import org.jspecify.annotations.NullMarked;
