package io.adclick.router.report;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import io.adclick.router.auth.Caller;
import io.adclick.schemas.event.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code GET /v1/reports} request, already scoped to what its caller may see.
 *
 * @param advertiserId the one advertiser read, or empty for all (never empty for an advertiser key)
 * @param from inclusive, aligned to the granularity
 * @param to exclusive, aligned to the granularity
 */
public record ReportQuery(
        Mode mode,
        Optional<String> advertiserId,
        List<String> campaignIds,
        Instant from,
        Instant to,
        Granularity granularity,
        List<Dimension> groupBy,
        Optional<String> country,
        Optional<String> device,
        Optional<String> publisherId) {

    /** The longest range one request may cover, per granularity (bounds the rows of an answer). */
    public static final Duration MAX_HOURLY_RANGE = Duration.ofDays(93);

    public static final Duration MAX_DAILY_RANGE = Duration.ofDays(3 * 366);

    /** Minute buckets come from the stream estimates only (dashboard mode). */
    public static final Duration MAX_MINUTE_RANGE = Duration.ofDays(7);

    public ReportQuery {
        requireNonNull(mode, "mode is null");
        requireNonNull(advertiserId, "advertiserId is null");
        campaignIds = List.copyOf(campaignIds);
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(granularity, "granularity is null");
        groupBy = List.copyOf(groupBy);
        requireNonNull(country, "country is null");
        requireNonNull(device, "device is null");
        requireNonNull(publisherId, "publisherId is null");
    }

    /** The raw query parameters of {@code GET /v1/reports}, each possibly null. */
    public record Raw(
            String mode,
            String advertiserId,
            String campaignId,
            String from,
            String to,
            String granularity,
            String groupBy,
            String country,
            String device,
            String publisherId) {}

    /** Validates {@code raw} (400) and scopes it to {@code caller} (403). */
    public static ReportQuery parse(Raw raw, Caller caller) {
        Mode mode = Mode.parse(raw.mode());
        Optional<String> advertiser = caller.scope(Parameters.identifier("advertiser_id", raw.advertiserId()));
        List<String> campaigns = Parameters.identifiers("campaign_id", raw.campaignId());
        Granularity granularity = Granularity.parse(raw.granularity());
        if (mode == Mode.BILLING && granularity == Granularity.MINUTE) {
            throw ApiException.badRequest(
                    "Invalid granularity \"minute\" for mode=billing: truth is hourly, use hour or day");
        }
        Instant from = Parameters.instant("from", raw.from());
        Instant to = Parameters.instant("to", raw.to());
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("Invalid range: from %s must be before to %s".formatted(from, to));
        }
        aligned("from", from, granularity);
        aligned("to", to, granularity);
        Duration max =
                switch (granularity) {
                    case MINUTE -> MAX_MINUTE_RANGE;
                    case HOUR -> MAX_HOURLY_RANGE;
                    case DAY -> MAX_DAILY_RANGE;
                };
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw ApiException.badRequest("Range too long for granularity=%s: at most %d days"
                    .formatted(granularity.wireName(), max.toDays()));
        }
        List<Dimension> groupBy = Parameters.list(raw.groupBy(), Dimension::parse);
        if (new HashSet<>(groupBy).size() != groupBy.size()) {
            throw ApiException.badRequest(
                    "Invalid group_by \"%s\": a field appears twice".formatted(Parameters.shown(raw.groupBy())));
        }
        return new ReportQuery(
                mode,
                advertiser,
                campaigns,
                from,
                to,
                granularity,
                groupBy,
                country(raw.country()),
                device(raw.device()),
                Parameters.identifier("publisher_id", raw.publisherId()));
    }

    private static void aligned(String name, Instant instant, Granularity granularity) {
        long seconds = granularity.length().toSeconds();
        if (instant.getNano() != 0 || instant.getEpochSecond() % seconds != 0) {
            throw ApiException.badRequest("Invalid %s %s: the report has %s buckets, start it on a whole %s (UTC)"
                    .formatted(name, instant, granularity.wireName(), granularity.wireName()));
        }
    }

    private static Optional<String> country(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.matches("[A-Z]{2}")) {
            throw ApiException.badRequest("Invalid country \"%s\": use an ISO-3166 alpha-2 code such as US, or ZZ"
                    .formatted(Parameters.shown(value)));
        }
        return Optional.of(value);
    }

    private static Optional<String> device(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        for (Device device : Device.values()) {
            if (device.wireName().equals(value)) {
                return Optional.of(value);
            }
        }
        throw ApiException.badRequest("Invalid device \"%s\": use mobile, tablet, desktop, ctv, bot or other"
                .formatted(Parameters.shown(value)));
    }
}
