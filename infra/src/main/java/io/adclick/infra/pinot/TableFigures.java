package io.adclick.infra.pinot;

import java.time.Duration;
import java.time.Instant;

/**
 * Key figures of {@code rollups_minute} for {@code adclick status}.
 *
 * @param rows rollup keys visible (the latest revision of each)
 * @param newestMinute the newest minute visible, or {@code null} while the table is empty
 */
public record TableFigures(long rows, Instant newestMinute) {

    /** e.g. {@code rollups_minute 12,345 rows, newest minute 2026-11-26T10:15:00Z (freshness 75 s)}. */
    public String describe(Instant now) {
        if (newestMinute == null) {
            return "%s empty".formatted(RollupsTable.NAME);
        }
        return "%s %,d rows, newest minute %s (freshness %d s)"
                .formatted(
                        RollupsTable.NAME,
                        rows,
                        newestMinute,
                        Duration.between(newestMinute, now).toSeconds());
    }
}
