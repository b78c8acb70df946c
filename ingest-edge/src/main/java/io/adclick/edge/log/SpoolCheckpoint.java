package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The drained position of the spool, in a small text file ({@code segment offset}) that is
 * replaced atomically: written to a temporary file, forced to disk, then moved over the old one.
 * A crash leaves either the old or the new position, never a mix.
 */
final class SpoolCheckpoint {
    static final String FILE_NAME = "checkpoint";

    private final Path file;
    private final Path temporary;

    SpoolCheckpoint(Path dir) {
        requireNonNull(dir, "dir is null");
        this.file = dir.resolve(FILE_NAME);
        this.temporary = dir.resolve(FILE_NAME + ".tmp");
    }

    /** The last written position, if any. */
    Optional<SpoolPosition> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spool checkpoint " + file, e);
        }
        String[] parts = text.split(" ");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException(text);
            }
            return Optional.of(new SpoolPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    ("The spool checkpoint %s is corrupt (\"%s\"): delete it to replay the whole"
                                    + " spool to Kafka (replayed events are exact duplicates)")
                            .formatted(file, text));
        }
    }

    /** Durably replaces the checkpoint with {@code position}. */
    void write(SpoolPosition position) {
        byte[] text = (position.segment() + " " + position.offset() + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(text);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the spool checkpoint " + temporary, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace the spool checkpoint " + file, e);
        }
    }
}
