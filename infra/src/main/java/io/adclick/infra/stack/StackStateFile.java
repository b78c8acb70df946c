package io.adclick.infra.stack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.adclick.schemas.wire.JsonWire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reads and atomically writes {@code stack.json}. */
public final class StackStateFile {
    private static final ObjectMapper JSON = JsonWire.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public StackStateFile(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    public Path path() {
        return file;
    }

    /** The recorded stack, or empty when no stack was started from this state directory. */
    public Optional<StackState> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read %s (%s): delete it if no stack is running".formatted(file, e.getMessage()), e);
        }
    }

    public void write(StackState state) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), state);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
