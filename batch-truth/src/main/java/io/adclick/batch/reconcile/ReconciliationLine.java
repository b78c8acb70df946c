package io.adclick.batch.reconcile;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.table.ReconciliationTable;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The estimate against the truth of one hour and campaign, with the drift explained by category.
 *
 * @param explained signed contributions to the drift per category ({@code late}, {@code
 *     no_impression}, {@code dedup_expiry}, {@code first_click_order}, {@code fraud:<rule>}), none of them zero
 */
public record ReconciliationLine(
        ReconciliationKey key, Amount estimate, Amount truth, Map<String, Amount> explained, long alertClicks) {

    public ReconciliationLine {
        requireNonNull(key, "key is null");
        requireNonNull(estimate, "estimate is null");
        requireNonNull(truth, "truth is null");
        explained = Map.copyOf(new TreeMap<>(explained));
        if (alertClicks < 0) {
            throw new IllegalArgumentException("alertClicks must not be negative: " + alertClicks);
        }
    }

    /** {@code estimate - truth}. */
    public Amount drift() {
        return estimate.minus(truth);
    }

    /** The drift no category explains. */
    public Amount residual() {
        Amount explainedTotal = explained.values().stream().reduce(Amount.ZERO, Amount::plus);
        return drift().minus(explainedTotal);
    }

    /** Whether the unexplained residual exceeds the alert threshold. */
    public boolean alert() {
        return Math.abs(residual().clicks()) > alertClicks;
    }

    /**
     * {@code unexplained} when the residual alerts, {@code none} without drift, else the category
     * contributing most clicks (by absolute value; ties by name).
     */
    public String category() {
        if (alert()) {
            return ReconciliationTable.UNEXPLAINED;
        }
        if (drift().isZero() && explained.isEmpty()) {
            return ReconciliationTable.NONE;
        }
        return explained.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Amount>>comparingLong(
                                e -> Math.abs(e.getValue().clicks()))
                        .thenComparingLong(e -> Math.abs(e.getValue().spendMicros()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(ReconciliationTable.UNEXPLAINED);
    }
}
