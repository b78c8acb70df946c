package io.adclick.router.pinot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.router.api.ApiException;
import io.adclick.router.config.PinotConfig;
import io.adclick.router.report.Dimension;
import io.adclick.router.report.ReportAnswer;
import io.adclick.router.report.ReportQuery;
import io.adclick.router.report.ReportRows;
import io.adclick.router.report.ReportRows.Key;
import io.adclick.router.report.ReportRows.Measures;
import io.adclick.router.report.ReportSource;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotResult;
import io.adclick.schemas.pinot.PinotSql;
import io.adclick.schemas.pinot.PinotTables;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard rows from the stream estimates: Pinot's {@code rollups_minute} (an upsert table, so
 * only the latest revision of each rollup is read), summed per minute and group in Pinot and
 * bucketed to the query's granularity here. {@code unique_users} is the sum of the rollups' own
 * unique-user counts (an upper bound when a row spans several rollups): merging the Theta sketches
 * costs about five times the sums, too much for a dashboard refresh.
 */
@Singleton
@Named(ReportSource.ESTIMATES)
public final class RollupReports implements ReportSource {
    /** The Pinot table (CONTRACT section 5). */
    public static final String TABLE = PinotTables.ROLLUPS_MINUTE;

    private final PinotBroker broker;
    private final int maxRows;

    public RollupReports(PinotConfig config) {
        this(new PinotBroker(config.brokerUri(), config.queryTimeout()), config.maxRows());
    }

    RollupReports(PinotBroker broker, int maxRows) {
        this.broker = requireNonNull(broker, "broker is null");
        this.maxRows = maxRows;
    }

    /**
     * The answer of {@code query} read wholly from Pinot: {@code source} {@value #ESTIMATES}, no
     * {@code complete_through} and no truth snapshot.
     *
     * @throws io.adclick.schemas.pinot.PinotQueryException when Pinot cannot answer in time
     */
    @Override
    public ReportAnswer report(ReportQuery query) {
        return new ReportAnswer(query.mode().wireName(), ESTIMATES, null, null, rows(query));
    }

    /**
     * The wire rows of {@code query} (its whole range is read from Pinot).
     *
     * @throws io.adclick.schemas.pinot.PinotQueryException when Pinot cannot answer in time
     */
    public List<Map<String, Object>> rows(ReportQuery query) {
        PinotResult result = broker.query(sql(query, maxRows + 1));
        if (result.rows().size() > maxRows) {
            throw ApiException.badRequest(
                    "The estimates of this request exceed %d minute rows: ask for a shorter range, fewer group_by fields or more filters"
                            .formatted(maxRows));
        }
        Map<Key, Measures> fine = new HashMap<>();
        int groups = query.groupBy().size();
        for (List<JsonNode> row : result.rows()) {
            List<String> group = new ArrayList<>(groups);
            for (int i = 0; i < groups; i++) {
                group.add(row.get(1 + i).asText());
            }
            int m = 1 + groups;
            fine.merge(
                    new Key(PinotResult.wholeNumber(row.get(0)), group),
                    new Measures(
                            PinotResult.wholeNumber(row.get(m)),
                            PinotResult.wholeNumber(row.get(m + 1)),
                            PinotResult.wholeNumber(row.get(m + 2)),
                            PinotResult.wholeNumber(row.get(m + 3)),
                            PinotResult.wholeNumber(row.get(m + 4))),
                    Measures::plus);
        }
        return ReportRows.wire(query, ReportRows.bucketed(fine, query.granularity()));
    }

    /**
     * The broker statement of {@code query}: request values bound by {@link PinotSql}, column names
     * only from {@link Dimension}.
     */
    static String sql(ReportQuery query, int limit) {
        StringBuilder dims = new StringBuilder();
        for (Dimension dimension : query.groupBy()) {
            dims.append(", ").append(dimension.column());
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT minute_millis")
                .append(dims)
                .append(", SUM(impressions), SUM(clicks), SUM(billable_clicks), SUM(spend_micros), SUM(unique_users)")
                .append(" FROM ")
                .append(TABLE)
                .append(" WHERE minute_millis >= ? AND minute_millis < ?");
        parameters.add(query.from().toEpochMilli());
        parameters.add(query.to().toEpochMilli());
        query.advertiserId().ifPresent(advertiser -> {
            sql.append(" AND advertiser_id = ?");
            parameters.add(advertiser);
        });
        if (!query.campaignIds().isEmpty()) {
            sql.append(" AND campaign_id IN (?)");
            parameters.add(query.campaignIds());
        }
        query.country().ifPresent(country -> {
            sql.append(" AND country = ?");
            parameters.add(country);
        });
        query.device().ifPresent(device -> {
            sql.append(" AND device = ?");
            parameters.add(device);
        });
        query.publisherId().ifPresent(publisher -> {
            sql.append(" AND publisher_id = ?");
            parameters.add(publisher);
        });
        sql.append(" GROUP BY minute_millis").append(dims).append(" LIMIT ?");
        parameters.add(limit);
        return PinotSql.bind(sql.toString(), parameters.toArray());
    }
}
