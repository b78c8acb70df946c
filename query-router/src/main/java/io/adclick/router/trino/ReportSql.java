package io.adclick.router.trino;

import io.adclick.router.report.Dimension;
import io.adclick.router.report.Granularity;
import io.adclick.router.report.ReportQuery;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The truth query of a {@link ReportQuery}: {@code billing_hourly} for hour buckets,
 * {@code billing_daily} for day buckets, pinned to one snapshot, grouped by bucket and the
 * requested dimensions, sorted by bucket then group.
 */
public final class ReportSql {
    private ReportSql() {}

    /** The table a query reads. */
    public static String table(ReportQuery query) {
        return query.granularity() == Granularity.DAY ? "billing_daily" : "billing_hourly";
    }

    public static Sql build(ReportQuery query, long snapshotId) {
        boolean daily = query.granularity() == Granularity.DAY;
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(
                daily
                        ? "date_diff('day', DATE '1970-01-01', day) * BIGINT '86400000'"
                        : "CAST(to_unixtime(hour) * 1000 AS bigint)");
        for (Dimension dimension : query.groupBy()) {
            sql.append(", ").append(dimension.column());
        }
        sql.append(", sum(impressions), sum(clicks), sum(billable_clicks), sum(spend_micros), sum(unique_users)");
        sql.append(" FROM ").append(table(query)).append(' ').append(Sql.versionAsOf(snapshotId));
        if (daily) {
            sql.append(" WHERE day >= CAST(? AS date) AND day < CAST(? AS date)");
            parameters.add(query.from().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            parameters.add(query.to().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        } else {
            sql.append(" WHERE hour >= from_iso8601_timestamp(?) AND hour < from_iso8601_timestamp(?)");
            parameters.add(query.from().toString());
            parameters.add(query.to().toString());
        }
        query.advertiserId().ifPresent(advertiser -> {
            sql.append(" AND advertiser_id = ?");
            parameters.add(advertiser);
        });
        if (!query.campaignIds().isEmpty()) {
            sql.append(" AND campaign_id IN (")
                    .append(Sql.placeholders(query.campaignIds().size()))
                    .append(')');
            parameters.addAll(query.campaignIds());
        }
        equal(sql, parameters, "country", query.country().orElse(null));
        equal(sql, parameters, "device", query.device().orElse(null));
        equal(sql, parameters, "publisher_id", query.publisherId().orElse(null));
        StringBuilder ordinals = new StringBuilder("1");
        for (int i = 0; i < query.groupBy().size(); i++) {
            ordinals.append(", ").append(i + 2);
        }
        sql.append(" GROUP BY ").append(ordinals).append(" ORDER BY ").append(ordinals);
        return new Sql(sql.toString(), parameters);
    }

    private static void equal(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }
}
