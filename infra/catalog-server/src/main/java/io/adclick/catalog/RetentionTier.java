package io.adclick.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a table keeps its rows and its snapshots, as table properties that maintenance jobs
 * (the Spark jobs' {@code expire_snapshots} and partition deletes) read.
 *
 * @param dataRetention rows whose partition is older than this are deleted
 * @param snapshotRetention snapshots older than this are expired (time travel reaches this far)
 */
public record RetentionTier(Duration dataRetention, Duration snapshotRetention) {
    /** Table property: days a row is kept, by its partition time. */
    public static final String DATA_RETENTION_DAYS = "adclick.retention.data-days";
    /** Iceberg's own property: snapshots older than this are expired. */
    public static final String MAX_SNAPSHOT_AGE_MS = "history.expire.max-snapshot-age-ms";
    /** Iceberg's own property: expiry always keeps this many snapshots. */
    public static final String MIN_SNAPSHOTS_TO_KEEP = "history.expire.min-snapshots-to-keep";

    public static final Duration DEFAULT_SNAPSHOT_RETENTION = Duration.ofDays(7);
    static final int MIN_SNAPSHOTS = 10;

    public RetentionTier {
        requireNonNull(dataRetention, "dataRetention is null");
        requireNonNull(snapshotRetention, "snapshotRetention is null");
        if (dataRetention.toDays() < 1) {
            throw new IllegalArgumentException(
                    "Invalid data retention: %s (at least one day)".formatted(dataRetention));
        }
        if (snapshotRetention.isNegative() || snapshotRetention.isZero()) {
            throw new IllegalArgumentException("Invalid snapshot retention: %s".formatted(snapshotRetention));
        }
    }

    /** Keeps rows for {@code dataRetention} and snapshots for the default week. */
    public static RetentionTier keepRowsFor(Duration dataRetention) {
        return new RetentionTier(dataRetention, DEFAULT_SNAPSHOT_RETENTION);
    }

    /** The table properties of this tier. */
    public Map<String, String> tableProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(DATA_RETENTION_DAYS, Long.toString(dataRetention.toDays()));
        p.put(MAX_SNAPSHOT_AGE_MS, Long.toString(snapshotRetention.toMillis()));
        p.put(MIN_SNAPSHOTS_TO_KEEP, Integer.toString(MIN_SNAPSHOTS));
        return p;
    }
}
