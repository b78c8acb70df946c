package io.adclick.infra.pinot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotQueryException;
import io.adclick.schemas.pinot.PinotResult;
import io.adclick.schemas.pinot.PinotSql;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The questions asked of {@code rollups_minute} through the broker, with bound parameters only:
 * per campaign-minute totals over a half-open time range, and the table's figures.
 */
public final class RollupQueries {
    /**
     * Whether a query merges the rollups' Theta sketches into unique users: the merge deserializes
     * every sketch of the range and costs about five times the sums (see {@code docs/benchmarks.md}).
     */
    public enum UniqueUsers {
        MERGED(", DISTINCTCOUNTTHETASKETCH(users_sketch)"),
        SKIPPED("");

        private final String column;

        UniqueUsers(String column) {
            this.column = column;
        }
    }

    private static final String CAMPAIGN_MINUTES = "SELECT campaign_id, minute_millis, SUM(impressions),"
            + " SUM(clicks), SUM(billable_clicks), SUM(spend_micros)%s"
            + " FROM " + RollupsTable.NAME
            + " WHERE campaign_id IN (?) AND minute_millis >= ? AND minute_millis < ?"
            + " GROUP BY campaign_id, minute_millis ORDER BY minute_millis, campaign_id LIMIT ?";
    private static final String FIGURES = "SELECT COUNT(*), MAX(minute_millis) FROM " + RollupsTable.NAME;
    private static final Duration LONGEST_RANGE = Duration.ofDays(31);

    private final PinotBroker broker;

    public RollupQueries(PinotBroker broker) {
        this.broker = requireNonNull(broker, "broker is null");
    }

    /** One campaign's minutes in {@code [from, to)} with unique users, oldest first; minutes without rollups are absent. */
    public List<MinuteTotals> campaignMinutes(String campaignId, Instant from, Instant to) {
        return campaignMinutes(Set.of(requireNonNull(campaignId, "campaignId is null")), from, to, UniqueUsers.MERGED);
    }

    /** Like {@link #campaignMinutes(Collection, Instant, Instant, UniqueUsers)} with unique users merged. */
    public List<MinuteTotals> campaignMinutes(Collection<String> campaignIds, Instant from, Instant to) {
        return campaignMinutes(campaignIds, from, to, UniqueUsers.MERGED);
    }

    /**
     * The minutes in {@code [from, to)} of each of {@code campaignIds}, by minute then campaign;
     * minutes without rollups are absent.
     *
     * @throws IllegalArgumentException for an empty campaign list or a range that is empty,
     *     backwards, or longer than 31 days
     */
    public List<MinuteTotals> campaignMinutes(
            Collection<String> campaignIds, Instant from, Instant to, UniqueUsers uniqueUsers) {
        requireNonNull(campaignIds, "campaignIds is null");
        requireNonNull(uniqueUsers, "uniqueUsers is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (campaignIds.isEmpty()) {
            throw new IllegalArgumentException("Name at least one campaign_id");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new IllegalArgumentException(
                    "Invalid range [%s, %s): from must be before to, at most 31 days apart".formatted(from, to));
        }
        long minutes =
                Duration.between(from.truncatedTo(ChronoUnit.MINUTES), to).toMinutes() + 1;
        long groups = minutes * campaignIds.size();
        if (groups >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Too many campaign-minutes in one query: ask for fewer campaigns");
        }
        String sql = PinotSql.bind(
                CAMPAIGN_MINUTES.formatted(uniqueUsers.column),
                List.copyOf(campaignIds),
                from.toEpochMilli(),
                to.toEpochMilli(),
                Math.toIntExact(groups + 1));
        PinotResult result = broker.query(sql);
        if (result.rows().size() > groups) {
            throw new PinotQueryException("Pinot returned more campaign-minutes than exist in the range: " + sql);
        }
        return result.rows().stream().map(RollupQueries::totals).toList();
    }

    /** The number of rollup keys Pinot holds (latest revisions) and the newest minute among them. */
    public TableFigures figures() {
        List<JsonNode> row = broker.query(FIGURES).rows().get(0);
        long rows = PinotResult.wholeNumber(row.get(0));
        // MAX over no rows is -Infinity in 0.11
        JsonNode newest = row.get(1);
        return new TableFigures(
                rows, rows == 0 || !newest.isNumber() ? null : Instant.ofEpochMilli(PinotResult.wholeNumber(newest)));
    }

    private static MinuteTotals totals(List<JsonNode> row) {
        return new MinuteTotals(
                row.get(0).asText(),
                Instant.ofEpochMilli(PinotResult.wholeNumber(row.get(1))),
                PinotResult.wholeNumber(row.get(2)),
                PinotResult.wholeNumber(row.get(3)),
                PinotResult.wholeNumber(row.get(4)),
                PinotResult.wholeNumber(row.get(5)),
                row.size() > 6 ? OptionalLong.of(PinotResult.wholeNumber(row.get(6))) : OptionalLong.empty());
    }
}
