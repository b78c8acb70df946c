package io.adclick.edge.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
    private static final long MAX_BYTES = 1024 * 1024;
    private static final long SEGMENT_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void readsAppendedRecordsInOrder() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            List<EdgeRecord> written = records(0, 100);
            appendAll(spool, written);

            assertThat(spool.depthRecords()).isEqualTo(100);
            assertThat(spool.read(1000).records()).containsExactlyElementsOf(written);
        }
    }

    @Test
    void keepsRecordsWithoutKey() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            EdgeRecord keyless = EdgeRecord.of("events.quarantine", null, bytes("{\"reason\":\"bad_signature\"}"));
            spool.append(keyless).get(5, TimeUnit.SECONDS);

            assertThat(spool.read(10).records()).containsExactly(keyless);
        }
    }

    @Test
    void groupCommitsConcurrentAppends() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            List<CompletableFuture<Void>> appends =
                    records(0, 2000).parallelStream().map(spool::append).toList();
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(spool.depthRecords()).isEqualTo(2000);
            assertThat(spool.groupCommits()).isBetween(1L, 1999L);
        }
    }

    @Test
    void committedRecordsAreNotReadAgainAfterRestart() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            appendAll(spool, records(0, 10));
            spool.commit(spool.read(4));
        }
        try (DiskSpool reopened = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            assertThat(reopened.depthRecords()).isEqualTo(6);
            assertThat(reopened.read(100).records()).containsExactlyElementsOf(records(4, 10));
        }
    }

    @Test
    void uncommittedRecordsAreReplayedAfterRestart() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            appendAll(spool, records(0, 5));
            spool.read(5);
        }
        try (DiskSpool reopened = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            assertThat(reopened.read(100).records()).containsExactlyElementsOf(records(0, 5));
        }
    }

    @Test
    void truncatesTornTailAfterCrashMidWrite() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            appendAll(spool, records(0, 3));
        }
        Path segment = onlySegment();
        long wholeRecords = Files.size(segment);
        ByteBuffer partial = SpoolFrames.encode(record(99));
        partial.limit(partial.limit() - 5);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            channel.write(partial);
        }

        try (DiskSpool reopened = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            assertThat(Files.size(segment)).isEqualTo(wholeRecords);
            assertThat(reopened.depthRecords()).isEqualTo(3);
            assertThat(reopened.read(100).records()).containsExactlyElementsOf(records(0, 3));
            appendAll(reopened, List.of(record(3)));
            assertThat(drainAll(reopened)).containsExactlyElementsOf(records(0, 4));
        }
    }

    @Test
    void truncatesRecordWithCorruptChecksum() throws Exception {
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            appendAll(spool, records(0, 2));
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x7f}), size - 1);
        }

        try (DiskSpool reopened = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES)) {
            assertThat(reopened.read(100).records()).containsExactly(record(0));
        }
    }

    @Test
    void refusesAppendsWhenFullUntilDrained() throws Exception {
        long frameBytes = SpoolFrames.encode(record(0)).remaining();
        try (DiskSpool spool = DiskSpool.open(dir, frameBytes * 3, SEGMENT_BYTES)) {
            appendAll(spool, records(0, 3));

            assertThatThrownBy(() -> spool.append(record(3)).get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SpoolFullException.class);
            assertThat(spool.isFull()).isTrue();

            spool.commit(spool.read(1));
            assertThat(spool.isFull()).isFalse();
            spool.append(record(3)).get(5, TimeUnit.SECONDS);
            assertThat(spool.depthRecords()).isEqualTo(3);
        }
    }

    @Test
    void rollsSegmentsAndDeletesDrainedOnes() throws Exception {
        long frameBytes = SpoolFrames.encode(record(0)).remaining();
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, frameBytes * 4)) {
            appendAll(spool, records(0, 10));
            assertThat(segments()).hasSizeGreaterThanOrEqualTo(3);

            assertThat(drainAll(spool)).containsExactlyElementsOf(records(0, 10));
            assertThat(segments()).hasSize(1);
            assertThat(spool.depthBytes()).isZero();
        }
    }

    @Test
    void recoversAcrossSegmentsAfterRestart() throws Exception {
        long frameBytes = SpoolFrames.encode(record(0)).remaining();
        try (DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, frameBytes * 2)) {
            appendAll(spool, records(0, 7));
            spool.commit(spool.read(2));
            spool.commit(spool.read(1));
        }
        try (DiskSpool reopened = DiskSpool.open(dir, MAX_BYTES, frameBytes * 2)) {
            assertThat(reopened.depthRecords()).isEqualTo(4);
            assertThat(drainAll(reopened)).containsExactlyElementsOf(records(3, 7));
        }
    }

    @Test
    void refusesAppendsAfterClose() {
        DiskSpool spool = DiskSpool.open(dir, MAX_BYTES, SEGMENT_BYTES);
        spool.close();

        assertThat(spool.append(record(0))).isCompletedExceptionally();
    }

    private static void appendAll(DiskSpool spool, List<EdgeRecord> records) throws Exception {
        for (EdgeRecord record : records) {
            spool.append(record).get(5, TimeUnit.SECONDS);
        }
    }

    /** Reads and commits everything, the way the drainer does. */
    private static List<EdgeRecord> drainAll(DiskSpool spool) {
        List<EdgeRecord> drained = new ArrayList<>();
        while (!spool.isEmpty()) {
            SpoolBatch batch = spool.read(3);
            drained.addAll(batch.records());
            spool.commit(batch);
        }
        return drained;
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> SpoolSegment.number(file).isPresent())
                    .sorted()
                    .toList();
        }
    }

    private static List<EdgeRecord> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(DiskSpoolTest::record).toList();
    }

    private static EdgeRecord record(int i) {
        return EdgeRecord.of("events.raw", "evt-" + i, bytes("{\"event_id\":\"evt-" + i + "\"}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
