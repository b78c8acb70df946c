package io.adclick.schemas.wire;

import io.adclick.schemas.event.QuarantineRecord;
import io.adclick.schemas.event.RawEvent;

/** The codec of each topic's messages. */
public final class WireCodecs {
    /** {@code events.raw} and {@code events.late}. */
    public static final JsonRecordCodec<RawEvent> RAW_EVENT = JsonRecordCodec.of(RawEvent.class);
    /** {@code events.quarantine}. */
    public static final JsonRecordCodec<QuarantineRecord> QUARANTINE = JsonRecordCodec.of(QuarantineRecord.class);

    private WireCodecs() {}
}
