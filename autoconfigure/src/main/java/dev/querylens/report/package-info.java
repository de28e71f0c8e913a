/**
 * The JSON shape of recordings, as DESIGN.md's contract gives it: shared by the actuator endpoint and the toolbar
 * so that both always say the same thing.
 */
@NullMarked
package dev.querylens.report;

import org.jspecify.annotations.NullMarked;
