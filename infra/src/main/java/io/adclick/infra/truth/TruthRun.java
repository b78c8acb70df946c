package io.adclick.infra.truth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.schemas.wire.JsonWire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One finished run of a truth job launched by the stack, as {@code adclick status} shows the last
 * one (kept in {@code <state>/truth/last-run.json}).
 *
 * @param job what ran, e.g. {@code due} or {@code day --day 2026-11-23}
 * @param exitCode the child JVM's exit code; -1 when it was killed after its timeout
 * @param summary the last line of its output worth showing
 */
public record TruthRun(
        @JsonProperty("job") String job,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        @JsonProperty("exit_code") int exitCode,
        @JsonProperty("summary") String summary) {
    private static final ObjectMapper JSON = JsonWire.mapper();

    public TruthRun {
        requireNonNull(job, "job is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(summary, "summary is null");
    }

    /** The job name of {@code arguments}, e.g. {@code hour --hour 2026-11-23T10}. */
    public static String describe(List<String> arguments) {
        return String.join(" ", arguments);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** One line for the console and {@code status}. */
    public String line() {
        return "%s %s at %s (%d s)%s"
                .formatted(
                        job,
                        succeeded() ? "succeeded" : "FAILED with exit code " + exitCode,
                        endedAt,
                        Duration.between(startedAt, endedAt).toSeconds(),
                        summary.isBlank() ? "" : ": " + summary);
    }

    /** The last run recorded in {@code file}, if any. */
    public static Optional<TruthRun> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TruthRun.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Records this run in {@code file} (atomically). */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
