package io.adclick.infra.process;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process that ended while it was expected to run.
 *
 * @param lastLogLines the tail of its log, to show on the console
 */
public record ChildExit(String name, long pid, int exitCode, Path log, List<String> lastLogLines) {
    public ChildExit {
        requireNonNull(name, "name is null");
        requireNonNull(log, "log is null");
        lastLogLines = List.copyOf(lastLogLines);
    }

    /** A console report: name, exit code, where the log is and its last lines. */
    public String describe() {
        StringBuilder text = new StringBuilder("%s (pid %d) exited unexpectedly with code %d; last lines of %s:%n"
                .formatted(name, pid, exitCode, log));
        lastLogLines.forEach(line -> text.append("  | ").append(line).append(System.lineSeparator()));
        return text.toString();
    }
}
