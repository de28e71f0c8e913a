/**
 * Spring Boot auto-configuration of QueryLens, one small class per feature, and its properties.
 */
package dev.querylens.autoconfigure;
