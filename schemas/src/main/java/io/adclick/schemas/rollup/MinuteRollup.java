package io.adclick.schemas.rollup;

import static io.adclick.schemas.Fields.identifier;
import static io.adclick.schemas.Fields.micros;
import static io.adclick.schemas.Fields.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.adclick.schemas.Instants;
import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.event.Countries;
import io.adclick.schemas.event.Device;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One revision of the stream's estimate for one minute of one (campaign, ad, publisher, country,
 * device): the value of {@code rollups.minute}, keyed by {@link #rollupKey()}. A later
 * {@code revision} of the same key replaces an earlier one (the Pinot table upserts on the key and
 * compares {@code revision}).
 *
 * @param minute the start of the minute (UTC, whole minute)
 * @param billableClicks estimate: the first click per {@code event_id} and per {@code impression_id}
 *     with a token that was not expired (fraud rules run only in the billing truth)
 * @param spendMicros sum of {@code cpc_micros} over the billable clicks
 * @param uniqueUsers the estimate of {@code uniqueUsersSketch}
 * @param uniqueUsersSketch a serialized compact DataSketches Theta sketch of the {@code user_id}s
 *     of the minute's impressions and clicks, base64 (RFC 4648, padded); mergeable across minutes
 *     and dimensions
 * @param revision 1 for the first result of the key, then increasing by one per update
 * @param emittedAt when the job produced this revision
 */
@JsonPropertyOrder({
    "schema_version",
    "rollup_key",
    "minute",
    "campaign_id",
    "ad_id",
    "publisher_id",
    "country",
    "device",
    "advertiser_id",
    "impressions",
    "clicks",
    "billable_clicks",
    "spend_micros",
    "unique_users",
    "unique_users_sketch",
    "revision",
    "emitted_at"
})
public record MinuteRollup(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("minute") Instant minute,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("ad_id") String adId,
        @JsonProperty("publisher_id") String publisherId,
        @JsonProperty("country") String country,
        @JsonProperty("device") Device device,
        @JsonProperty("advertiser_id") String advertiserId,
        @JsonProperty("impressions") long impressions,
        @JsonProperty("clicks") long clicks,
        @JsonProperty("billable_clicks") long billableClicks,
        @JsonProperty("spend_micros") long spendMicros,
        @JsonProperty("unique_users") long uniqueUsers,
        @JsonProperty("unique_users_sketch") String uniqueUsersSketch,
        @JsonProperty("revision") long revision,
        @JsonProperty("emitted_at") Instant emittedAt) {

    /** The wire version of this record; readers refuse versions they do not know. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public MinuteRollup {
        if (schemaVersion != CURRENT_SCHEMA_VERSION) {
            throw new InvalidFieldException(
                    "schema_version",
                    schemaVersion,
                    "this reader knows minute rollup version " + CURRENT_SCHEMA_VERSION);
        }
        required("minute", minute);
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new InvalidFieldException("minute", minute, "must be the start of a minute");
        }
        identifier("campaign_id", campaignId);
        identifier("ad_id", adId);
        identifier("publisher_id", publisherId);
        Countries.requireValid(country);
        required("device", device);
        identifier("advertiser_id", advertiserId);
        count("impressions", impressions);
        count("clicks", clicks);
        count("billable_clicks", billableClicks);
        if (billableClicks > clicks) {
            throw new InvalidFieldException(
                    "billable_clicks", billableClicks, "must not exceed clicks (" + clicks + ")");
        }
        micros("spend_micros", spendMicros);
        count("unique_users", uniqueUsers);
        required("unique_users_sketch", uniqueUsersSketch);
        if (revision < 1) {
            throw new InvalidFieldException("revision", revision, "must be at least 1");
        }
        required("emitted_at", emittedAt);
    }

    /**
     * The rollup key, {@code campaign|ad|publisher|country|device|minute} (identifiers never contain
     * {@code |}): the Kafka key of {@code rollups.minute} and the upsert key of the Pinot table.
     */
    @JsonProperty("rollup_key")
    public String rollupKey() {
        return key(campaignId, adId, publisherId, country, device, minute);
    }

    /** The rollup key of the given dimensions and minute (see {@link #rollupKey()}). */
    public static String key(
            String campaignId, String adId, String publisherId, String country, Device device, Instant minute) {
        return String.join("|", campaignId, adId, publisherId, country, device.wireName(), Instants.format(minute));
    }

    private static void count(String field, long value) {
        if (value < 0) {
            throw new InvalidFieldException(field, value, "a count must not be negative");
        }
    }
}
