package io.adclick.infra.stack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The content of {@code <state>/run/stack.json}: the {@code adclick up} process and every component
 * it started, in start order.
 */
public record StackState(
        @JsonProperty("launcher") ComponentRecord launcher,
        @JsonProperty("state_dir") String stateDir,
        @JsonProperty("components") List<ComponentRecord> components) {

    /** The command-line marker of the launcher process. */
    public static final String LAUNCHER_MARKER = "io.adclick.infra.cli.AdclickCli";

    public StackState {
        requireNonNull(launcher, "launcher is null");
        requireNonNull(stateDir, "stateDir is null");
        components = List.copyOf(components);
    }

    /** A state naming the current JVM as the launcher and no components yet. */
    public static StackState forCurrentLauncher(Path stateDir, Path log) {
        ProcessHandle self = ProcessHandle.current();
        return new StackState(
                new ComponentRecord(
                        "launcher",
                        self.pid(),
                        self.info().startInstant().orElse(Instant.EPOCH),
                        LAUNCHER_MARKER,
                        0,
                        "",
                        log.toString()),
                stateDir.toString(),
                List.of());
    }

    public StackState withComponents(List<ComponentRecord> records) {
        return new StackState(launcher, stateDir, records);
    }

    public Optional<ComponentRecord> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
