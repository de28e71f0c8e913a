package dev.querylens.web.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * What the page of one recording shows: the recording itself is read by the toolbar's
 * script from the JSON API.
 *
 * @param id the recording's id
 * @param found whether the history still has it
 * @param title its method and URI, when found
 */
public record DetailView(String id, boolean found, @Nullable String title) {

}
