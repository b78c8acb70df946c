package io.adclick.stream.config;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.stream.StreamJobContract;
import java.io.Serializable;
import java.time.Duration;

/**
 * The knobs of the estimates pipeline, with their defaults in {@link #defaults()}.
 *
 * @param maxOutOfOrderness how far behind the newest event time the watermark trails
 * @param idleness after how long without events a source split stops holding the watermark back
 * @param allowedLateness how long after its minute ends (in event time) a minute is still updated;
 *     events later than that go to {@code events.late}
 * @param dedupTtl how long (processing time) an {@code event_id} is remembered for deduplication
 * @param firstClickTtl how long (processing time) a clicked {@code impression_id} is remembered
 * @param preAggregationMaxKeys how many rollup keys and minutes each subtask counts on its heap
 *     before it sends them on to the keyed aggregation (it also sends them at every checkpoint,
 *     early firing and watermark that ends their minute)
 * @param sketchLgNominalEntries log2 of the Theta sketches' nominal entries (exact below that many
 *     users, relative standard error about {@code 1/sqrt(2^lg)} above)
 * @param updateMaxDelay how long (processing time) an update of an already emitted minute waits
 *     for the next watermark advance before it is emitted anyway, so corrections do not wait for
 *     traffic after a quiet period
 * @param earlyFireInterval how often (processing time) the rollups of a minute that is still open
 *     are emitted as provisional revisions, only those that changed since their last revision, so
 *     the dashboard shows the minute in progress; {@code 0} emits a minute only when the watermark
 *     passes its end
 */
public record EstimatesConfig(
        Duration maxOutOfOrderness,
        Duration idleness,
        Duration allowedLateness,
        Duration dedupTtl,
        Duration firstClickTtl,
        int preAggregationMaxKeys,
        int sketchLgNominalEntries,
        Duration updateMaxDelay,
        Duration earlyFireInterval)
        implements Serializable {

    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(10);
    public static final Duration DEFAULT_DEDUP_TTL = StreamJobContract.DEDUP_TTL;
    public static final Duration DEFAULT_FIRST_CLICK_TTL = StreamJobContract.FIRST_CLICK_TTL;
    public static final int DEFAULT_PRE_AGGREGATION_MAX_KEYS = 50_000;
    public static final int DEFAULT_SKETCH_LG_NOMINAL_ENTRIES = 12;
    public static final Duration DEFAULT_UPDATE_MAX_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_EARLY_FIRE_INTERVAL = Duration.ofSeconds(2);
    /** Shorter early firings would only multiply revisions: commits wait for the checkpoint anyway. */
    public static final Duration MIN_EARLY_FIRE_INTERVAL = Duration.ofMillis(100);

    public EstimatesConfig {
        positive("max-out-of-orderness", maxOutOfOrderness, true);
        positive("idleness", idleness, false);
        positive("allowed-lateness", allowedLateness, true);
        positive("dedup-ttl", dedupTtl, false);
        positive("first-click-ttl", firstClickTtl, false);
        positive("update-max-delay", updateMaxDelay, false);
        positive("early-fire-interval", earlyFireInterval, true);
        if (!earlyFireInterval.isZero() && earlyFireInterval.compareTo(MIN_EARLY_FIRE_INTERVAL) < 0) {
            throw new IllegalArgumentException("Invalid early-fire-interval: " + earlyFireInterval
                    + "; use 0 (no early firings) or at least 100 ms, e.g. 2 s");
        }
        if (preAggregationMaxKeys < 1 || preAggregationMaxKeys > 10_000_000) {
            throw new IllegalArgumentException("Invalid pre-aggregation-max-keys: " + preAggregationMaxKeys
                    + "; use 1 (no local aggregation) to 10000000, e.g. 50000");
        }
        if (sketchLgNominalEntries < 4 || sketchLgNominalEntries > 26) {
            throw new IllegalArgumentException("Invalid sketch-lg-nominal-entries: " + sketchLgNominalEntries
                    + "; use 4 to 26 (12 = 4096 entries, about 1.6% error)");
        }
    }

    /**
     * The defaults: 5 s out-of-orderness, 30 s idleness, 10 min lateness, 25 h TTLs, 50,000 pre-aggregated keys, lg 12,
     * 2 s update delay, early firings every 2 s.
     */
    public static EstimatesConfig defaults() {
        return new EstimatesConfig(
                DEFAULT_MAX_OUT_OF_ORDERNESS,
                DEFAULT_IDLENESS,
                DEFAULT_ALLOWED_LATENESS,
                DEFAULT_DEDUP_TTL,
                DEFAULT_FIRST_CLICK_TTL,
                DEFAULT_PRE_AGGREGATION_MAX_KEYS,
                DEFAULT_SKETCH_LG_NOMINAL_ENTRIES,
                DEFAULT_UPDATE_MAX_DELAY,
                DEFAULT_EARLY_FIRE_INTERVAL);
    }

    public EstimatesConfig withMaxOutOfOrderness(Duration value) {
        return new EstimatesConfig(
                value,
                idleness,
                allowedLateness,
                dedupTtl,
                firstClickTtl,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withIdleness(Duration value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                value,
                allowedLateness,
                dedupTtl,
                firstClickTtl,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withAllowedLateness(Duration value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                value,
                dedupTtl,
                firstClickTtl,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withDedupTtl(Duration value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                allowedLateness,
                value,
                firstClickTtl,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withFirstClickTtl(Duration value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                allowedLateness,
                dedupTtl,
                value,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withPreAggregationMaxKeys(int value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                allowedLateness,
                dedupTtl,
                firstClickTtl,
                value,
                sketchLgNominalEntries,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withSketchLgNominalEntries(int value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                allowedLateness,
                dedupTtl,
                firstClickTtl,
                preAggregationMaxKeys,
                value,
                updateMaxDelay,
                earlyFireInterval);
    }

    public EstimatesConfig withUpdateMaxDelay(Duration value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                allowedLateness,
                dedupTtl,
                firstClickTtl,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                value,
                earlyFireInterval);
    }

    public EstimatesConfig withEarlyFireInterval(Duration value) {
        return new EstimatesConfig(
                maxOutOfOrderness,
                idleness,
                allowedLateness,
                dedupTtl,
                firstClickTtl,
                preAggregationMaxKeys,
                sketchLgNominalEntries,
                updateMaxDelay,
                value);
    }

    private static void positive(String key, Duration value, boolean zeroAllowed) {
        requireNonNull(value, key + " is null");
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException("Invalid " + key + ": " + value + "; use a "
                    + (zeroAllowed ? "non-negative" : "positive") + " duration such as 30s");
        }
    }
}
