package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's durable local log of records that could not (yet) be sent to Kafka.
 *
 * <p>Records are appended to numbered segment files, each framed with its length and CRC32. One
 * writer thread group-commits: it takes every pending append, writes them, forces the file to
 * disk once, and only then completes their futures, so a completed append survives {@code kill
 * -9}. On open, torn tails (a crash mid-write) are truncated and the read position is restored
 * from an atomically replaced checkpoint; records after it are replayed, so delivery is
 * at-least-once with byte-identical duplicates.
 *
 * <p>One reader (the drainer) calls {@link #read} and {@link #commit}; any thread may append.
 */
public final class DiskSpool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
    private static final int MAX_GROUP_RECORDS = 8192;

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final SpoolCheckpoint checkpoint;
    private final BlockingQueue<PendingAppend> pending = new LinkedBlockingQueue<>();
    private final ConcurrentSkipListSet<Long> segments = new ConcurrentSkipListSet<>();
    private final AtomicLong reservedBytes = new AtomicLong();
    private final AtomicLong depthRecords = new AtomicLong();
    private final AtomicLong depthBytes = new AtomicLong();
    private final AtomicLong groupCommits = new AtomicLong();
    private final AtomicLong refusedAppends = new AtomicLong();
    private final Thread writer;
    private volatile boolean refusedSinceDrain;
    private volatile boolean closed;
    private volatile SpoolPosition durableEnd;

    // Owned by the writer thread.
    private FileChannel active;
    private long activeSegment;
    private long activeSize;

    // Owned by the reader, guarded by this.
    private SpoolPosition head;
    private FileChannel readChannel;
    private long readChannelSegment = -1;

    private DiskSpool(Path dir, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.checkpoint = new SpoolCheckpoint(dir);
        this.writer = new Thread(this::runWriter, "edge-spool-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Opens (creating if needed) the spool in {@code dir}, repairing torn tails and recovering the
     * drained position.
     *
     * @param maxBytes the most undrained bytes; appends beyond it fail with {@link SpoolFullException}
     * @param segmentBytes the size at which a new segment file is started
     */
    public static DiskSpool open(Path dir, long maxBytes, long segmentBytes) {
        requireNonNull(dir, "dir is null");
        if (maxBytes <= 0 || segmentBytes <= 0) {
            throw new IllegalArgumentException("Invalid spool limits: max-bytes %d, segment-bytes %d (must be positive)"
                    .formatted(maxBytes, segmentBytes));
        }
        DiskSpool spool = new DiskSpool(dir, maxBytes, segmentBytes);
        try {
            spool.recover();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot open the spool in %s: check that the directory is writable".formatted(dir.toAbsolutePath()),
                    e);
        }
        spool.writer.start();
        return spool;
    }

    private void recover() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(SpoolCheckpoint.FILE_NAME + ".tmp"));
        Optional<SpoolPosition> saved = checkpoint.read();
        List<Long> existing = listSegments();
        long next = existing.isEmpty() ? 0 : existing.get(existing.size() - 1) + 1;
        if (saved.isPresent()) {
            next = Math.max(next, saved.get().segment() + 1);
        }
        SpoolPosition start = null;
        for (long segment : existing) {
            Path file = SpoolSegment.path(dir, segment);
            if (saved.isPresent() && segment < saved.get().segment()) {
                Files.delete(file);
                continue;
            }
            long from = saved.isPresent() && segment == saved.get().segment()
                    ? saved.get().offset()
                    : 0;
            SpoolSegment.ScanResult scan = SpoolSegment.scanAndRepair(file, from);
            if (scan.truncatedBytes() > 0) {
                LOG.warn(
                        "Spool segment {} had a torn tail of {} bytes (a crash mid-write); truncated it to {} bytes",
                        file,
                        scan.truncatedBytes(),
                        scan.validBytes());
            }
            if (start == null) {
                start = new SpoolPosition(segment, Math.min(from, scan.validBytes()));
            }
            segments.add(segment);
            depthRecords.addAndGet(scan.records());
            depthBytes.addAndGet(scan.bytes());
        }
        reservedBytes.set(depthBytes.get());
        openActiveSegment(next);
        head = start != null ? start : new SpoolPosition(next, 0);
        if (depthRecords.get() > 0) {
            LOG.info(
                    "Spool {} holds {} records ({} bytes) to drain to Kafka",
                    dir,
                    depthRecords.get(),
                    depthBytes.get());
        }
    }

    private List<Long> listSegments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(SpoolSegment::number)
                    .filter(OptionalLong::isPresent)
                    .map(OptionalLong::getAsLong)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Appends {@code record}. The future completes once the record is on disk, or fails with
     * {@link SpoolFullException} at once when there is no room.
     */
    public CompletableFuture<Void> append(EdgeRecord record) {
        requireNonNull(record, "record is null");
        if (closed) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("The spool is closed: the edge is shutting down"));
        }
        ByteBuffer frame = SpoolFrames.encode(record);
        long size = frame.remaining();
        if (!reserve(size)) {
            refusedSinceDrain = true;
            refusedAppends.incrementAndGet();
            return CompletableFuture.failedFuture(new SpoolFullException(maxBytes));
        }
        PendingAppend append = new PendingAppend(frame, size, new CompletableFuture<>());
        pending.add(append);
        return append.done();
    }

    private boolean reserve(long size) {
        while (true) {
            long used = reservedBytes.get();
            if (used + size > maxBytes) {
                return false;
            }
            if (reservedBytes.compareAndSet(used, used + size)) {
                return true;
            }
        }
    }

    private void runWriter() {
        List<PendingAppend> group = new ArrayList<>();
        while (true) {
            PendingAppend first;
            try {
                first = pending.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                if (closed) {
                    break;
                }
                continue;
            }
            group.clear();
            group.add(first);
            pending.drainTo(group, MAX_GROUP_RECORDS - 1);
            writeGroup(group);
        }
    }

    private void writeGroup(List<PendingAppend> group) {
        long groupStart = activeSize;
        long uncountedRecords = 0;
        long uncountedBytes = 0;
        try {
            for (PendingAppend append : group) {
                if (activeSize > 0 && activeSize + append.size() > segmentBytes) {
                    depthRecords.addAndGet(uncountedRecords);
                    depthBytes.addAndGet(uncountedBytes);
                    uncountedRecords = 0;
                    uncountedBytes = 0;
                    rollSegment();
                    groupStart = 0;
                }
                ByteBuffer frame = append.frame();
                while (frame.hasRemaining()) {
                    active.write(frame);
                }
                activeSize += append.size();
                uncountedRecords++;
                uncountedBytes += append.size();
            }
            active.force(false);
        } catch (IOException | RuntimeException e) {
            failGroup(group, groupStart, e);
            return;
        }
        depthRecords.addAndGet(uncountedRecords);
        depthBytes.addAndGet(uncountedBytes);
        durableEnd = new SpoolPosition(activeSegment, activeSize);
        groupCommits.incrementAndGet();
        for (PendingAppend append : group) {
            append.done().complete(null);
        }
    }

    private void failGroup(List<PendingAppend> group, long groupStart, Exception cause) {
        LOG.error("Cannot write {} records to the spool segment {}", group.size(), activeSegment, cause);
        // Records of this group that reached an earlier, rolled segment stay there and are
        // drained; the clients are told of the failure and retry, which at worst duplicates them.
        try {
            active.truncate(groupStart);
            activeSize = groupStart;
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        UncheckedIOException failure = new UncheckedIOException(
                "Cannot write to the spool in " + dir.toAbsolutePath() + ": check free disk space",
                cause instanceof IOException io ? io : new IOException(cause));
        for (PendingAppend append : group) {
            reservedBytes.addAndGet(-append.size());
            append.done().completeExceptionally(failure);
        }
    }

    private void rollSegment() throws IOException {
        active.force(false);
        active.close();
        openActiveSegment(activeSegment + 1);
    }

    private void openActiveSegment(long segment) throws IOException {
        active = FileChannel.open(
                SpoolSegment.path(dir, segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceDirectory();
        activeSegment = segment;
        activeSize = 0;
        segments.add(segment);
        durableEnd = new SpoolPosition(segment, 0);
    }

    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot force the spool directory {} (not supported on this platform)", dir, e);
        }
    }

    /**
     * Reads up to {@code maxRecords} durable records from the drained position on, without moving
     * it: call {@link #commit} once they are safely in Kafka.
     */
    public synchronized SpoolBatch read(int maxRecords) {
        try {
            SpoolPosition end = durableEnd;
            skipDrainedSegments(end);
            FileChannel channel = readChannel(head.segment());
            long limit = head.segment() == end.segment() ? end.offset() : channel.size();
            List<EdgeRecord> records = new ArrayList<>();
            long offset = head.offset();
            long bytes = 0;
            ByteBuffer header = ByteBuffer.allocate(SpoolFrames.HEADER_BYTES);
            while (records.size() < maxRecords && offset + SpoolFrames.HEADER_BYTES <= limit) {
                header.clear();
                SpoolSegment.readFully(channel, header, offset);
                int length = header.getInt(0);
                if (!SpoolFrames.plausibleLength(length) || offset + SpoolFrames.HEADER_BYTES + length > limit) {
                    throw corrupt(offset, "bad record length " + length);
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                SpoolSegment.readFully(channel, payload, offset + SpoolFrames.HEADER_BYTES);
                payload.flip();
                if (!SpoolFrames.crcMatches(payload, header.getInt(4))) {
                    throw corrupt(offset, "CRC mismatch");
                }
                records.add(SpoolFrames.decode(payload));
                offset += SpoolFrames.HEADER_BYTES + length;
                bytes += SpoolFrames.HEADER_BYTES + length;
            }
            return new SpoolBatch(records, new SpoolPosition(head.segment(), offset), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spool in " + dir.toAbsolutePath(), e);
        }
    }

    private IllegalStateException corrupt(long offset, String why) {
        return new IllegalStateException(
                ("Spool segment %s is corrupt at offset %d (%s): stop the edge, move the segment aside for"
                                + " inspection, and restart")
                        .formatted(SpoolSegment.path(dir, head.segment()), offset, why));
    }

    /** Marks the records of {@code batch} as delivered: they will not be read again, even after a restart. */
    public synchronized void commit(SpoolBatch batch) {
        requireNonNull(batch, "batch is null");
        if (batch.end().compareTo(head) <= 0) {
            return;
        }
        checkpoint.write(batch.end());
        head = batch.end();
        depthRecords.addAndGet(-batch.records().size());
        depthBytes.addAndGet(-batch.bytes());
        reservedBytes.addAndGet(-batch.bytes());
        refusedSinceDrain = false;
        try {
            skipDrainedSegments(durableEnd);
        } catch (IOException e) {
            LOG.warn("Cannot delete drained spool segments in {}; will retry", dir, e);
        }
    }

    private void skipDrainedSegments(SpoolPosition end) throws IOException {
        while (head.segment() < end.segment()
                && head.offset() >= readChannel(head.segment()).size()) {
            long drained = head.segment();
            Long next = segments.higher(drained);
            if (next == null) {
                return;
            }
            head = new SpoolPosition(next, 0);
            checkpoint.write(head);
            closeReadChannel();
            segments.remove(drained);
            Files.deleteIfExists(SpoolSegment.path(dir, drained));
        }
    }

    private FileChannel readChannel(long segment) throws IOException {
        if (readChannelSegment != segment) {
            closeReadChannel();
            readChannel = FileChannel.open(SpoolSegment.path(dir, segment), StandardOpenOption.READ);
            readChannelSegment = segment;
        }
        return readChannel;
    }

    private void closeReadChannel() throws IOException {
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
            readChannelSegment = -1;
        }
    }

    /** Records waiting to be drained. */
    public long depthRecords() {
        return depthRecords.get();
    }

    /** Bytes of records waiting to be drained. */
    public long depthBytes() {
        return depthBytes.get();
    }

    /** Whether nothing waits to be drained. */
    public boolean isEmpty() {
        return depthRecords.get() == 0;
    }

    /** Whether an append was refused for lack of room and nothing has been drained since. */
    public boolean isFull() {
        return refusedSinceDrain;
    }

    /** The most undrained bytes the spool holds. */
    public long maxBytes() {
        return maxBytes;
    }

    /** How many times the writer forced a group of appends to disk. */
    public long groupCommits() {
        return groupCommits.get();
    }

    /** How many appends were refused because the spool was full. */
    public long refusedAppends() {
        return refusedAppends.get();
    }

    /** Finishes the pending appends, then closes the files. Appends after this fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PendingAppend leftover;
        while ((leftover = pending.poll()) != null) {
            leftover.done()
                    .completeExceptionally(
                            new IllegalStateException("The spool closed before this record was written"));
        }
        try {
            if (!writer.isAlive()) {
                active.close();
            }
            synchronized (this) {
                closeReadChannel();
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the spool files in {}", dir, e);
        }
    }

    private record PendingAppend(ByteBuffer frame, long size, CompletableFuture<Void> done) {}
}
