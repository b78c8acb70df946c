package io.adclick.infra.launcher;

import static java.util.Objects.requireNonNull;

/**
 * One loopback port a component listens on.
 *
 * @param label how messages name it, e.g. {@code "Pinot broker"}
 * @param port the port number
 * @param variable the {@code ADCLICK_*} environment variable that moves it
 */
public record ComponentPort(String label, int port, String variable) {
    public ComponentPort {
        requireNonNull(label, "label is null");
        requireNonNull(variable, "variable is null");
    }
}
