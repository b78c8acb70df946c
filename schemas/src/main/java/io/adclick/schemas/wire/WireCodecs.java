package io.adclick.schemas.wire;

import io.adclick.schemas.event.QuarantineRecord;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.rollup.MinuteRollup;

/** The codec of each topic's messages. */
public final class WireCodecs {
    /** {@code events.raw} and {@code events.late}. */
    public static final JsonRecordCodec<RawEvent> RAW_EVENT = JsonRecordCodec.of(RawEvent.class);
    /** {@code events.quarantine}. */
    public static final JsonRecordCodec<QuarantineRecord> QUARANTINE = JsonRecordCodec.of(QuarantineRecord.class);
    /** {@code rollups.minute}. */
    public static final JsonRecordCodec<MinuteRollup> MINUTE_ROLLUP = JsonRecordCodec.of(MinuteRollup.class);

    private WireCodecs() {}
}
