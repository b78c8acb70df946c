package io.adclick.stream.function;

/** The 1-minute tumbling windows of the rollups, in epoch milliseconds of event time. */
final class Minutes {
    static final long LENGTH_MILLIS = 60_000;

    private Minutes() {}

    /** The start of the minute that contains {@code timestamp}. */
    static long start(long timestamp) {
        return Math.floorDiv(timestamp, LENGTH_MILLIS) * LENGTH_MILLIS;
    }

    /** The last millisecond of the minute that starts at {@code minuteStart}. */
    static long maxTimestamp(long minuteStart) {
        return minuteStart + LENGTH_MILLIS - 1;
    }

    /**
     * When the minute stops accepting updates: once the watermark reaches this, an event of the
     * minute is beyond the allowed lateness (the rule of Flink's own window operator).
     */
    static long closesAt(long minuteStart, long allowedLatenessMillis) {
        return maxTimestamp(minuteStart) + allowedLatenessMillis;
    }

    /** Whether an event at {@code timestamp} is beyond the allowed lateness at {@code watermark}. */
    static boolean isBeyondLateness(long timestamp, long watermark, long allowedLatenessMillis) {
        return closesAt(start(timestamp), allowedLatenessMillis) <= watermark;
    }
}
