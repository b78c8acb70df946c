package io.adclick.infra.process;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Log files the launcher writes itself (the children's logs are written by {@link ChildProcess}). */
public final class LogFiles {
    private LogFiles() {}

    /** An auto-flushing writer appending to {@code file}, creating its directory. */
    public static PrintWriter appender(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new PrintWriter(
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
