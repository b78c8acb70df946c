package io.adclick.router.reconciliation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/reconciliation}: one row per hour and campaign, by hour then
 * campaign.
 *
 * @param reconciliationSnapshotId the {@code adclick.reconciliation} snapshot read, null before any run
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReconciliationAnswer(
        @JsonProperty("complete_through") Instant completeThrough,
        @JsonProperty("truth_snapshot_id") Long reconciliationSnapshotId,
        @JsonProperty("rows") List<Map<String, Object>> rows) {
    public ReconciliationAnswer {
        requireNonNull(rows, "rows is null");
        rows = List.copyOf(rows);
    }
}
