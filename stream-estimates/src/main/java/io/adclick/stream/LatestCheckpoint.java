package io.adclick.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the checkpoint to restore after a crash: the newest complete {@code <job-id>/chk-N} (one
 * with its {@code _metadata}, written last) under a checkpoint directory. A restored job writes to
 * a new job-id directory, so the newest is chosen by the time its metadata was written, then by N.
 */
public final class LatestCheckpoint {
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

    private LatestCheckpoint() {}

    /** The newest complete checkpoint under {@code checkpointDir}; empty when there is none yet. */
    public static Optional<Path> in(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpointDir)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(LatestCheckpoint::completeCheckpoints)
                    .max(Comparator.comparing(LatestCheckpoint::metadataTime)
                            .thenComparingLong(LatestCheckpoint::number));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the checkpoint directory " + checkpointDir, e);
        }
    }

    private static Stream<Path> completeCheckpoints(Path jobDir) {
        try (Stream<Path> children = Files.list(jobDir)) {
            return children
                    .filter(dir ->
                            CHECKPOINT.matcher(dir.getFileName().toString()).matches())
                    .filter(dir -> Files.isRegularFile(dir.resolve("_metadata")))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the job checkpoint directory " + jobDir, e);
        }
    }

    private static FileTime metadataTime(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint " + checkpoint, e);
        }
    }

    private static long number(Path checkpoint) {
        Matcher matcher = CHECKPOINT.matcher(checkpoint.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
