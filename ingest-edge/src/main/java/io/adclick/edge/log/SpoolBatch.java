package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Records read from the spool in order, and the position just after the last of them.
 *
 * @param records the records, oldest first
 * @param end where the next read starts once these records are committed
 * @param bytes the spooled size of the records
 */
public record SpoolBatch(List<EdgeRecord> records, SpoolPosition end, long bytes) {
    public SpoolBatch {
        records = List.copyOf(requireNonNull(records, "records is null"));
        requireNonNull(end, "end is null");
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
