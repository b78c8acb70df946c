package io.adclick.router.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/reports} (CONTRACT section 3). Each row is {@code bucket}, the
 * group-by fields, then the measures.
 *
 * @param source {@code trino}, {@code pinot} or {@code pinot+trino}
 * @param completeThrough the end of the latest hour billing truth has computed, null before any
 * @param truthSnapshotId the billing table snapshot the truth part was read from, null when empty
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportAnswer(
        @JsonProperty("mode") String mode,
        @JsonProperty("source") String source,
        @JsonProperty("complete_through") Instant completeThrough,
        @JsonProperty("truth_snapshot_id") Long truthSnapshotId,
        @JsonProperty("rows") List<Map<String, Object>> rows) {
    public ReportAnswer {
        requireNonNull(mode, "mode is null");
        requireNonNull(source, "source is null");
        rows = List.copyOf(rows);
    }
}
