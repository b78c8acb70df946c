package io.adclick.infra.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBackfillState {
    @Test
    void anInterruptedBackfillIsRememberedWithItsSnapshotUntilCleared(@TempDir Path dir) {
        Path file = dir.resolve("truth/backfill.json");
        new BackfillState("2026-11-01", "2026-11-07", 6584073172620990133L).write(file);

        BackfillState read = BackfillState.read(file).orElseThrow();
        assertThat(read.rawSnapshotId()).isEqualTo(6584073172620990133L);
        assertThat(read.covers("2026-11-01", "2026-11-07")).isTrue();
        assertThat(read.covers("2026-11-01", "2026-11-08")).isFalse();

        BackfillState.clear(file);
        assertThat(BackfillState.read(file)).isEmpty();
    }

    @Test
    void aBackfillOfAnEmptyArchivePinsNoSnapshot(@TempDir Path dir) {
        Path file = dir.resolve("backfill.json");
        new BackfillState("2026-11-01", "2026-11-01", null).write(file);
        assertThat(BackfillState.read(file).orElseThrow().rawSnapshotId()).isNull();
    }
}
