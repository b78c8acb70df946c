package io.adclick.edge.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and validates the spool's segment files ({@code segment-00000000000000000042.log}). */
final class SpoolSegment {
    private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");

    private SpoolSegment() {}

    static Path path(Path dir, long segment) {
        return dir.resolve("segment-%020d.log".formatted(segment));
    }

    /** The segment number of a file name, if it is a segment file. */
    static OptionalLong number(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /**
     * Scans a segment from its start, truncates it after the last whole record (a torn tail left
     * by a crash mid-write), and counts the records at or after {@code from}.
     */
    static ScanResult scanAndRepair(Path file, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long offset = 0;
            long records = 0;
            long bytes = 0;
            ByteBuffer header = ByteBuffer.allocate(SpoolFrames.HEADER_BYTES);
            while (offset + SpoolFrames.HEADER_BYTES <= size) {
                header.clear();
                readFully(channel, header, offset);
                int length = header.getInt(0);
                if (!SpoolFrames.plausibleLength(length) || offset + SpoolFrames.HEADER_BYTES + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, offset + SpoolFrames.HEADER_BYTES);
                if (!SpoolFrames.crcMatches(payload.flip(), header.getInt(4))) {
                    break;
                }
                long frameBytes = SpoolFrames.HEADER_BYTES + length;
                if (offset >= from) {
                    records++;
                    bytes += frameBytes;
                }
                offset += frameBytes;
            }
            boolean truncated = offset < size;
            if (truncated) {
                channel.truncate(offset);
                channel.force(true);
            }
            return new ScanResult(offset, records, bytes, truncated ? size - offset : 0);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("Unexpected end of spool segment at offset " + at);
            }
            at += read;
        }
    }

    /**
     * What a scan found.
     *
     * @param validBytes the length of the segment's whole records
     * @param records how many whole records lie at or after the scan's start position
     * @param bytes their framed size
     * @param truncatedBytes how many bytes of torn tail were cut off
     */
    record ScanResult(long validBytes, long records, long bytes, long truncatedBytes) {}
}
