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
import java.util.Optional;

/**
 * The backfill in progress, remembered in {@code <state>/truth/backfill.json} until it succeeds:
 * its range and the {@code raw_events} snapshot it reads, so that a backfill started again after
 * an interruption reads the same snapshot and skips the days already computed from it, although
 * the live archive has moved on.
 *
 * @param rawSnapshotId the pinned snapshot; null when {@code raw_events} had none
 */
public record BackfillState(
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("raw_snapshot_id") Long rawSnapshotId) {
    private static final ObjectMapper JSON = JsonWire.mapper();

    public BackfillState {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }

    /** Whether this is the backfill of the same range. */
    public boolean covers(String otherFrom, String otherTo) {
        return from.equals(otherFrom) && to.equals(otherTo);
    }

    /** The remembered backfill in {@code file}, if any. */
    public static Optional<BackfillState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), BackfillState.class));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read %s (%s): delete it to start the backfill afresh".formatted(file, e.getMessage()), e);
        }
    }

    /** Remembers this backfill in {@code file} (atomically). */
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

    /** Forgets the backfill remembered in {@code file}. */
    public static void clear(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
