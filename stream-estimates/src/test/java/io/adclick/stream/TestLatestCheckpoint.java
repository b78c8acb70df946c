package io.adclick.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLatestCheckpoint {
    @TempDir
    Path dir;

    @Test
    void noDirectoryOrNoCompleteCheckpointMeansAFreshStart() throws IOException {
        assertThat(LatestCheckpoint.in(dir.resolve("missing"))).isEmpty();

        Files.createDirectories(dir.resolve("job-a/chk-1"));
        Files.createDirectories(dir.resolve("job-a/shared"));

        assertThat(LatestCheckpoint.in(dir)).isEmpty();
    }

    @Test
    void picksTheNewestCheckpointWithMetadataAcrossJobIds() throws IOException {
        checkpoint("job-a/chk-41", "2026-11-23T10:00:00Z");
        checkpoint("job-b/chk-3", "2026-11-23T10:05:00Z");
        checkpoint("job-b/chk-2", "2026-11-23T10:04:55Z");
        Files.createDirectories(dir.resolve("job-b/chk-4"));

        assertThat(LatestCheckpoint.in(dir)).contains(dir.resolve("job-b/chk-3"));
    }

    private void checkpoint(String path, String metadataWritten) throws IOException {
        Path metadata = dir.resolve(path).resolve("_metadata");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, "x");
        Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(metadataWritten)));
    }
}
