package io.adclick.infra.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the generator's ground truth: one event sent (a pixel or redirect request, or one
 * event of an SDK batch), what it was meant to be and how the edge answered.
 *
 * @param kind {@code impression} or {@code click}
 * @param source {@code pixel}, {@code redirect} or {@code sdk}
 * @param eventId the recorded event id ({@code X-Event-Id} for /i and /c; null when not acknowledged)
 * @param eventTime the event time the SDK sent; null for /i and /c, where the edge stamps its receive time
 * @param country the country sent ({@code X-Country} for /i and /c, the envelope's for the SDK)
 * @param device the device meant: the envelope's for the SDK; for /i and /c the device whose typical
 *     User-Agent was sent (the edge classifies the User-Agent itself)
 * @param userAgent the User-Agent header sent
 * @param tokenStatus what the edge should find: {@code valid}, {@code expired} or {@code invalid}
 * @param httpStatus the answer's status, 0 when none arrived
 * @param acknowledged whether the edge took responsibility for the event
 * @param phase for back-dated traffic ({@link BackdatedTraffic}), when the event was sent and so how
 *     the stream sees it: {@code in_order}, {@code reordered} or {@code beyond_lateness}; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "scenario",
    "kind",
    "source",
    "event_id",
    "event_time",
    "impression_id",
    "advertiser_id",
    "campaign_id",
    "ad_id",
    "publisher_id",
    "cpc_micros",
    "user_id",
    "country",
    "device",
    "user_agent",
    "token_status",
    "http_status",
    "acknowledged",
    "sent_at",
    "phase"
})
public record GroundTruthRecord(
        @JsonProperty("scenario") String scenario,
        @JsonProperty("kind") String kind,
        @JsonProperty("source") String source,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_time") Instant eventTime,
        @JsonProperty("impression_id") String impressionId,
        @JsonProperty("advertiser_id") String advertiserId,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("ad_id") String adId,
        @JsonProperty("publisher_id") String publisherId,
        @JsonProperty("cpc_micros") long cpcMicros,
        @JsonProperty("user_id") String userId,
        @JsonProperty("country") String country,
        @JsonProperty("device") String device,
        @JsonProperty("user_agent") String userAgent,
        @JsonProperty("token_status") String tokenStatus,
        @JsonProperty("http_status") int httpStatus,
        @JsonProperty("acknowledged") boolean acknowledged,
        @JsonProperty("sent_at") Instant sentAt,
        @JsonProperty("phase") String phase) {

    /** This record, sent in {@code phase} of back-dated traffic. */
    public GroundTruthRecord inPhase(String phase) {
        return new GroundTruthRecord(
                scenario,
                kind,
                source,
                eventId,
                eventTime,
                impressionId,
                advertiserId,
                campaignId,
                adId,
                publisherId,
                cpcMicros,
                userId,
                country,
                device,
                userAgent,
                tokenStatus,
                httpStatus,
                acknowledged,
                sentAt,
                phase);
    }

    /** The truth lines of one request and its response. */
    public static List<GroundTruthRecord> of(EdgeRequest request, EdgeResponse response, Instant sentAt) {
        if (request instanceof EdgeRequest.Pixel pixel) {
            String eventId = response.eventId()
                    .orElse(response.acknowledged() ? "imp:" + pixel.serve().impressionId() : null);
            return List.of(single(
                    pixel.scenario(),
                    "impression",
                    "pixel",
                    eventId,
                    pixel.serve(),
                    pixel.visitor(),
                    response,
                    sentAt));
        }
        if (request instanceof EdgeRequest.Redirect redirect) {
            String eventId = response.eventId().orElse(null);
            return List.of(single(
                    redirect.scenario(),
                    "click",
                    "redirect",
                    eventId,
                    redirect.serve(),
                    redirect.visitor(),
                    response,
                    sentAt));
        }
        EdgeRequest.SdkBatch batch = (EdgeRequest.SdkBatch) request;
        List<GroundTruthRecord> records = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            SdkEvent event = batch.events().get(i);
            AdServe serve = event.serve();
            records.add(new GroundTruthRecord(
                    batch.scenario().wireName(),
                    event.type().wireName(),
                    "sdk",
                    event.eventId(),
                    event.eventTime(),
                    serve.impressionId(),
                    serve.campaign().advertiserId(),
                    serve.campaign().id(),
                    serve.adId(),
                    serve.publisherId(),
                    serve.campaign().cpcMicros(),
                    event.visitor().userId(),
                    event.visitor().country(),
                    event.visitor().device().wireName(),
                    EdgeClient.SDK_USER_AGENT,
                    serve.expectedStatus().wireName(),
                    response.status(),
                    response.acknowledged(i),
                    sentAt,
                    null));
        }
        return records;
    }

    private static GroundTruthRecord single(
            Scenario scenario,
            String kind,
            String source,
            String eventId,
            AdServe serve,
            Visitor visitor,
            EdgeResponse response,
            Instant sentAt) {
        return new GroundTruthRecord(
                scenario.wireName(),
                kind,
                source,
                eventId,
                null,
                serve.impressionId(),
                serve.campaign().advertiserId(),
                serve.campaign().id(),
                serve.adId(),
                serve.publisherId(),
                serve.campaign().cpcMicros(),
                visitor.userId(),
                visitor.country(),
                visitor.device().wireName(),
                visitor.userAgent(),
                serve.expectedStatus().wireName(),
                response.status(),
                response.acknowledged(),
                sentAt,
                null);
    }
}
