package io.adclick.infra.stream;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest complete checkpoint of the stream job under its checkpoint directory
 * ({@code <dir>/<job-id>/chk-N} with its {@code _metadata}, which Flink writes last): what a
 * restart restores from, and the sign that the job is alive and making progress.
 *
 * @param path the {@code chk-N} directory
 * @param number N
 * @param completedAt when its {@code _metadata} was written
 */
public record LatestCheckpoint(Path path, long number, Instant completedAt) {
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

    public LatestCheckpoint {
        requireNonNull(path, "path is null");
        requireNonNull(completedAt, "completedAt is null");
    }

    /** The newest complete checkpoint under {@code checkpointDir}; empty when there is none (yet). */
    public static Optional<LatestCheckpoint> in(Path checkpointDir) {
        requireNonNull(checkpointDir, "checkpointDir is null");
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpointDir)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(LatestCheckpoint::completeCheckpoints)
                    .max(Comparator.comparing(LatestCheckpoint::completedAt)
                            .thenComparingLong(LatestCheckpoint::number));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the checkpoint directory " + checkpointDir, e);
        }
    }

    /** How long ago it completed. */
    public Duration age(Instant now) {
        return Duration.between(completedAt, now);
    }

    /** e.g. {@code chk-12 4 s ago}. */
    public String describe(Instant now) {
        return "%s %d s ago".formatted(path.getFileName(), Math.max(0, age(now).toSeconds()));
    }

    private static Stream<LatestCheckpoint> completeCheckpoints(Path jobDir) {
        try (Stream<Path> children = Files.list(jobDir)) {
            return children.map(LatestCheckpoint::complete).flatMap(Optional::stream).toList().stream();
        } catch (IOException e) {
            // a job directory removed while listing (Flink discards old checkpoints) has none
            return Stream.empty();
        }
    }

    private static Optional<LatestCheckpoint> complete(Path dir) {
        Matcher matcher = CHECKPOINT.matcher(dir.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Instant written =
                    Files.getLastModifiedTime(dir.resolve("_metadata")).toInstant();
            return Optional.of(new LatestCheckpoint(dir, Long.parseLong(matcher.group(1)), written));
        } catch (IOException e) {
            // not complete yet, or discarded meanwhile
            return Optional.empty();
        }
    }
}
