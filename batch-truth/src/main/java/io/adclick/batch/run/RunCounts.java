package io.adclick.batch.run;

/**
 * What a run read and removed. Clicks are click rows ({@code clicks_in} counts transport
 * duplicates too).
 */
public record RunCounts(
        long rowsIn,
        long impressionsIn,
        long clicksIn,
        long rowsOut,
        long billableClicks,
        long spendMicros,
        long duplicatesRemoved,
        long expiredRemoved,
        long noImpressionRemoved,
        long fraudRemoved) {
    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
