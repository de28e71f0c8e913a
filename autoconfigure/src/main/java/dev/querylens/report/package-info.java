/**
 * The JSON shape of recordings, as DESIGN.md's contract gives it: shared by the actuator
 * endpoint and the toolbar so that both always say the same thing. Each descriptor
 * includes its {@code null} fields whatever the JSON mapper's default
 * ({@code @JsonInclude(ALWAYS)}; the actuator's own mapper leaves nulls out), so every
 * key of the contract is always there; the annotations are read only where Jackson writes
 * the JSON.
 */
@NullMarked
package dev.querylens.report;

import org.jspecify.annotations.NullMarked;
