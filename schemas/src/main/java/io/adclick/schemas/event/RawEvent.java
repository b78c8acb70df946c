package io.adclick.schemas.event;

import static io.adclick.schemas.Fields.identifier;
import static io.adclick.schemas.Fields.micros;
import static io.adclick.schemas.Fields.optionalIdentifier;
import static io.adclick.schemas.Fields.required;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.token.AdTokenPayload;
import java.time.Instant;
import java.util.Map;

/**
 * One event in the raw log ({@code events.raw}, then {@code adclick.raw_events}): the client's
 * envelope, the fields of its authentic token, and what the edge stamped on it. Everything later
 * (billing truth, estimates, audit) is derived from these records.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "schema_version", "event_type", "event_id", "event_time", "received_at", "source", "user_id", "country",
    "device", "attributes", "token", "token_kid", "token_status", "impression_id", "advertiser_id", "campaign_id",
    "ad_id", "publisher_id", "cpc_micros", "landing_url", "token_issued_at", "ip", "user_agent"
})
public record RawEvent(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("event_type") EventType eventType,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_time") Instant eventTime,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("source") IngestSource source,
        @JsonProperty("user_id") String userId,
        @JsonProperty("country") String country,
        @JsonProperty("device") Device device,
        @JsonProperty("attributes") Map<String, String> attributes,
        @JsonProperty("token") String token,
        @JsonProperty("token_kid") String tokenKid,
        @JsonProperty("token_status") TokenStatus tokenStatus,
        @JsonProperty("impression_id") String impressionId,
        @JsonProperty("advertiser_id") String advertiserId,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("ad_id") String adId,
        @JsonProperty("publisher_id") String publisherId,
        @JsonProperty("cpc_micros") long cpcMicros,
        @JsonProperty("landing_url") String landingUrl,
        @JsonProperty("token_issued_at") Instant tokenIssuedAt,
        @JsonProperty("ip") String ip,
        @JsonProperty("user_agent") String userAgent) {

    /** The wire version of this record; readers refuse versions they do not know. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public RawEvent {
        if (schemaVersion != CURRENT_SCHEMA_VERSION) {
            throw new InvalidFieldException(
                    "schema_version", schemaVersion, "this reader knows raw event version " + CURRENT_SCHEMA_VERSION);
        }
        required("event_type", eventType);
        identifier("event_id", eventId);
        required("event_time", eventTime);
        required("received_at", receivedAt);
        required("source", source);
        optionalIdentifier("user_id", userId);
        Countries.requireValid(country);
        required("device", device);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        required("token", token);
        required("token_kid", tokenKid);
        required("token_status", tokenStatus);
        identifier("impression_id", impressionId);
        identifier("advertiser_id", advertiserId);
        identifier("campaign_id", campaignId);
        identifier("ad_id", adId);
        identifier("publisher_id", publisherId);
        micros("cpc_micros", cpcMicros);
        required("landing_url", landingUrl);
        required("token_issued_at", tokenIssuedAt);
    }

    /**
     * The raw event for a client envelope whose token verified as {@code payload}.
     *
     * @param ip the client address, if known
     * @param userAgent the client's User-Agent, if known
     */
    public static RawEvent of(
            EventEnvelope envelope,
            AdTokenPayload payload,
            TokenStatus status,
            Instant receivedAt,
            IngestSource source,
            String ip,
            String userAgent) {
        requireNonNull(envelope, "envelope is null");
        requireNonNull(payload, "payload is null");
        return new RawEvent(
                CURRENT_SCHEMA_VERSION,
                envelope.eventType(),
                envelope.eventId(),
                envelope.eventTime(),
                receivedAt,
                source,
                envelope.userId(),
                envelope.country(),
                envelope.device(),
                envelope.attributes(),
                envelope.token(),
                payload.kid(),
                status,
                payload.impressionId(),
                payload.advertiserId(),
                payload.campaignId(),
                payload.adId(),
                payload.publisherId(),
                payload.costPerClickMicros(),
                payload.url(),
                payload.issuedAt(),
                ip,
                userAgent);
    }

    /** Whether the token was expired when the event happened (such events are never billable). */
    public boolean tokenExpired() {
        return tokenStatus == TokenStatus.EXPIRED;
    }
}
