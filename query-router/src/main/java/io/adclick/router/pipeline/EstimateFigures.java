package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One read of the speed side in Pinot's {@code rollups_minute}. The table has no per-event time, so
 * these bound the freshness of the estimates rather than measure it: an event counted in the newest
 * minute happened after that minute's start, and the newest revision was emitted after every event
 * it counts was read. The per-click delay from the edge to Pinot is measured by {@code
 * PinotFreshnessIT}.
 *
 * @param newestMinute the start of the newest event minute with a rollup, empty for an empty table
 * @param newestRevision the newest {@code emitted_at} among the rollups of the last day of minutes
 */
public record EstimateFigures(Optional<Instant> newestMinute, Optional<Instant> newestRevision) {
    public EstimateFigures {
        requireNonNull(newestMinute, "newestMinute is null");
        requireNonNull(newestRevision, "newestRevision is null");
    }
}
