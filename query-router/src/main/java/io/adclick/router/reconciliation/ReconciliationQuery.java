package io.adclick.router.reconciliation;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import io.adclick.router.auth.Caller;
import io.adclick.router.trino.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code GET /v1/reconciliation} request, scoped to its caller.
 *
 * @param from inclusive, on a whole hour
 * @param to exclusive, on a whole hour
 * @param advertiserId the one advertiser read, or empty for all (never empty for an advertiser key)
 */
public record ReconciliationQuery(Instant from, Instant to, Optional<String> advertiserId, List<String> campaignIds) {
    /** The longest range one request may cover. */
    public static final Duration MAX_RANGE = Duration.ofDays(93);

    public ReconciliationQuery {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(advertiserId, "advertiserId is null");
        campaignIds = List.copyOf(campaignIds);
    }

    /** Validates the raw parameters (400) and scopes them to {@code caller} (403). */
    public static ReconciliationQuery parse(
            String from, String to, String advertiserId, String campaignId, Caller caller) {
        Optional<String> advertiser = caller.scope(Parameters.identifier("advertiser_id", advertiserId));
        List<String> campaigns = Parameters.identifiers("campaign_id", campaignId);
        Instant start = Parameters.instant("from", from);
        Instant end = Parameters.instant("to", to);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("Invalid range: from %s must be before to %s".formatted(start, end));
        }
        for (Instant instant : List.of(start, end)) {
            if (instant.getNano() != 0 || instant.getEpochSecond() % 3600 != 0) {
                throw ApiException.badRequest(
                        "Invalid %s %s: reconciliation is per hour, start it on a whole hour (UTC)"
                                .formatted(instant == start ? "from" : "to", instant));
            }
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badRequest("Range too long: at most %d days".formatted(MAX_RANGE.toDays()));
        }
        return new ReconciliationQuery(start, end, advertiser, campaigns);
    }

    /** The query of {@code adclick.reconciliation} pinned to {@code snapshotId}, by hour then campaign. */
    public Sql sql(long snapshotId) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT CAST(to_unixtime(hour) * 1000 AS bigint), advertiser_id,"
                + " campaign_id, estimate_clicks, truth_clicks, drift_clicks, estimate_spend_micros,"
                + " truth_spend_micros, drift_spend_micros, json_format(CAST(explained_clicks AS JSON)),"
                + " json_format(CAST(explained_spend_micros AS JSON)), residual_clicks, residual_spend_micros,"
                + " category, alert, job_run_id, truth_snapshot_id, estimate_snapshot_id,"
                + " CAST(to_unixtime(computed_at) * 1000 AS bigint) FROM reconciliation ");
        sql.append(Sql.versionAsOf(snapshotId))
                .append(" WHERE hour >= from_iso8601_timestamp(?) AND hour < from_iso8601_timestamp(?)");
        parameters.add(from.toString());
        parameters.add(to.toString());
        advertiserId.ifPresent(advertiser -> {
            sql.append(" AND advertiser_id = ?");
            parameters.add(advertiser);
        });
        if (!campaignIds.isEmpty()) {
            sql.append(" AND campaign_id IN (")
                    .append(Sql.placeholders(campaignIds.size()))
                    .append(')');
            parameters.addAll(campaignIds);
        }
        sql.append(" ORDER BY 1, 3");
        return new Sql(sql.toString(), parameters);
    }
}
