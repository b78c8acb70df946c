package io.adclick.stream.model;

/**
 * The {@link io.adclick.stream.function.MinuteAggregator}'s state of one rollup key and minute, in
 * one row so that a delta or a timer costs one state read and one write: the totals, the latest
 * revision emitted, and whether the totals changed since it. Once the minute closes only the
 * revision stays (the totals are {@code null}), as the mark that it did.
 */
public final class MinuteRow {
    /** {@code null} once the minute closed. */
    public PartialRollup totals;
    /** The latest revision emitted, 0 before the first. */
    public long revision;
    /** Whether the totals changed since the latest revision. */
    public boolean changed;

    public MinuteRow() {}

    /** A row of a minute first seen with {@code totals}, not emitted yet. */
    public static MinuteRow opened(PartialRollup totals) {
        MinuteRow row = new MinuteRow();
        row.totals = totals;
        return row;
    }

    /** The mark of a closed minute whose latest revision was {@code revision}. */
    public static MinuteRow closed(long revision) {
        MinuteRow row = new MinuteRow();
        row.revision = revision;
        return row;
    }

    public boolean isClosed() {
        return totals == null;
    }
}
