package io.adclick.edge.log;

/**
 * A place in the spool: a segment and a byte offset in it, always at a record boundary.
 *
 * @param segment the segment number (segment files are numbered in write order)
 * @param offset the byte offset in that segment
 */
public record SpoolPosition(long segment, long offset) implements Comparable<SpoolPosition> {
    public SpoolPosition {
        if (segment < 0 || offset < 0) {
            throw new IllegalArgumentException(
                    "Invalid spool position: segment %d, offset %d (must not be negative)".formatted(segment, offset));
        }
    }

    @Override
    public int compareTo(SpoolPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }
}
