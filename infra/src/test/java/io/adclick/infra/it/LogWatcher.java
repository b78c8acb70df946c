package io.adclick.infra.it;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Waits for a line in a component's log that was written after the watcher was made. */
final class LogWatcher {
    private final Path log;
    private final long start;

    private LogWatcher(Path log, long start) {
        this.log = log;
        this.start = start;
    }

    /** Watches {@code log} from its current end. */
    static LogWatcher from(Path log) {
        requireNonNull(log, "log is null");
        return new LogWatcher(log, log.toFile().length());
    }

    /** Polls every 20 ms until a new line matches {@code pattern}; returns that line. */
    String await(Pattern pattern, Duration timeout) {
        return Awaitility.await("a line matching /%s/ in %s".formatted(pattern, log))
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> pattern.matcher(newText())
                                .results()
                                .map(m -> m.group())
                                .findFirst()
                                .orElse(null),
                        line -> line != null);
    }

    private String newText() {
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            long length = in.length();
            if (length <= start) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
