/**
 * The servlet side: a filter that opens a recording per HTTP request and closes it in {@code finally}, the
 * response headers, and the hooks that follow a request into its view and its async work.
 */
package dev.querylens.web;
