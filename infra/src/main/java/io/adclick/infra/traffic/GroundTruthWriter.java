package io.adclick.infra.traffic;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.adclick.schemas.wire.JsonWire;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@link GroundTruthRecord}s as JSON lines. Thread-safe. */
public final class GroundTruthWriter implements AutoCloseable {
    private static final ObjectWriter JSON = JsonWire.mapper().writerFor(GroundTruthRecord.class);

    private final Path file;
    private final BufferedWriter out;
    private long lines;

    public GroundTruthWriter(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ground-truth file " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void write(List<GroundTruthRecord> records) {
        try {
            for (GroundTruthRecord record : records) {
                out.write(JSON.writeValueAsString(record));
                out.newLine();
                lines++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the ground-truth file " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized long lines() {
        return lines;
    }

    public Path path() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the ground-truth file " + file + ": " + e.getMessage(), e);
        }
    }
}
