package io.adclick.batch.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;

/** One reconciled cell: an event hour and a campaign (of its advertiser). */
public record ReconciliationKey(Instant hour, String advertiserId, String campaignId) {
    public static final Comparator<ReconciliationKey> ORDER = Comparator.comparing(ReconciliationKey::hour)
            .thenComparing(ReconciliationKey::advertiserId)
            .thenComparing(ReconciliationKey::campaignId);

    public ReconciliationKey {
        requireNonNull(hour, "hour is null");
        requireNonNull(advertiserId, "advertiserId is null");
        requireNonNull(campaignId, "campaignId is null");
    }
}
