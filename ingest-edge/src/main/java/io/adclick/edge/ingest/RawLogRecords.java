package io.adclick.edge.ingest;

import io.adclick.edge.log.EdgeRecord;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.QuarantineRecord;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Builds the raw-log records of accepted and refused events. */
final class RawLogRecords {
    private RawLogRecords() {}

    /** The {@code events.raw} record of {@code event}, keyed by its {@code event_id}. */
    static EdgeRecord raw(RawEvent event) {
        return EdgeRecord.of(Topics.EVENTS_RAW, event.eventId(), WireCodecs.RAW_EVENT.encode(event));
    }

    /** The {@code events.quarantine} record of a refused event, keyed by its id when it has one. */
    static EdgeRecord quarantine(
            Rejection rejection,
            String error,
            Instant receivedAt,
            IngestSource source,
            int index,
            @Nullable String eventId,
            String sourceKey,
            String payload) {
        QuarantineRecord record = new QuarantineRecord(
                QuarantineRecord.CURRENT_SCHEMA_VERSION,
                rejection.code(),
                error,
                receivedAt,
                source,
                index,
                eventId,
                sourceKey,
                payload);
        return EdgeRecord.of(Topics.EVENTS_QUARANTINE, eventId, WireCodecs.QUARANTINE.encode(record));
    }
}
