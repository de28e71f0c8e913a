/**
 * Spring Boot auto-configuration of QueryLens, one small class per feature, and its
 * properties.
 */
@NullMarked
package dev.querylens.autoconfigure;

import org.jspecify.annotations.NullMarked;
