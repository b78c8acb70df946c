package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

/**
 * The whole configuration of a batch job run; see {@link BatchSettings} for keys and defaults.
 *
 * @param sparkMaster the master for runs not started by spark-submit
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}
 * @param catalog the Iceberg catalog
 * @param truth the billing rules' settings
 * @param reconcile how reconciliation models the stream and alerts
 */
public record BatchConfig(
        String sparkMaster,
        int shufflePartitions,
        CatalogConfig catalog,
        TruthConfig truth,
        ReconcileConfig reconcile) {
    public BatchConfig {
        requireNonNull(sparkMaster, "sparkMaster is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(reconcile, "reconcile is null");
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException(
                    "Invalid %s: %d (at least 1)".formatted(BatchSettings.SHUFFLE_PARTITIONS.key(), shufflePartitions));
        }
    }

    /** This configuration with {@code catalog} instead. */
    public BatchConfig withCatalog(CatalogConfig catalog) {
        return new BatchConfig(sparkMaster, shufflePartitions, catalog, truth, reconcile);
    }

    /** This configuration with {@code truth} instead. */
    public BatchConfig withTruth(TruthConfig truth) {
        return new BatchConfig(sparkMaster, shufflePartitions, catalog, truth, reconcile);
    }
}
