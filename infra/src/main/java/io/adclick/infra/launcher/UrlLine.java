package io.adclick.infra.launcher;

import static java.util.Objects.requireNonNull;

/**
 * One line of the address list {@code adclick up} prints once the stack is up.
 *
 * @param label what the line is about, e.g. {@code "edge metrics"}
 * @param text the address and what to find there
 */
public record UrlLine(String label, String text) {
    public UrlLine {
        requireNonNull(label, "label is null");
        requireNonNull(text, "text is null");
    }
}
