package io.adclick.router.pacing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /v1/pacing}.
 *
 * @param asOf when the answer was computed
 * @param elapsedFraction how much of the UTC day is over at {@code asOf}, 0 to 1
 * @param source where the spend came from: {@code trino}, {@code pinot} or {@code pinot+trino}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PacingAnswer(
        @JsonProperty("advertiser_id") String advertiserId,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("as_of") Instant asOf,
        @JsonProperty("elapsed_fraction") double elapsedFraction,
        @JsonProperty("source") String source,
        @JsonProperty("complete_through") Instant completeThrough,
        @JsonProperty("truth_snapshot_id") Long truthSnapshotId,
        @JsonProperty("campaigns") List<CampaignPace> campaigns) {
    public PacingAnswer {
        campaigns = List.copyOf(campaigns);
    }
}
