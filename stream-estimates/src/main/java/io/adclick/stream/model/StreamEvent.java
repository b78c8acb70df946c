package io.adclick.stream.model;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The fields of a raw event that the estimates need, passed between the steps of the job and
 * written by {@link StreamEventSerializer} (not Kryo, not Flink's reflective POJO serializer).
 */
@TypeInfo(StreamEventTypeInfo.Factory.class)
public class StreamEvent {
    public String eventId;
    public EventType eventType;
    public long eventTime;
    public boolean tokenExpired;
    public String impressionId;
    public String advertiserId;
    public String campaignId;
    public String adId;
    public String publisherId;
    public String country;
    public String device;
    /** {@code null} when the event has no user id. */
    public String userId;

    public long cpcMicros;
    /**
     * Set by {@link io.adclick.stream.function.FirstClickMarker} on the first click of an
     * impression with a valid token.
     */
    public boolean billable;

    /**
     * The {@code events.raw} record value the event was read from, for the late output; dropped
     * ({@code null}) once {@link io.adclick.stream.function.LateEventRouter} passed the event on.
     */
    public byte[] record;

    public StreamEvent() {}

    /** The stream's view of {@code event}, without its record. */
    public static StreamEvent of(RawEvent event) {
        StreamEvent e = new StreamEvent();
        e.eventId = event.eventId();
        e.eventType = event.eventType();
        e.eventTime = event.eventTime().toEpochMilli();
        e.tokenExpired = event.tokenExpired();
        e.impressionId = event.impressionId();
        e.advertiserId = event.advertiserId();
        e.campaignId = event.campaignId();
        e.adId = event.adId();
        e.publisherId = event.publisherId();
        e.country = event.country();
        e.device = event.device().wireName();
        e.userId = event.userId();
        e.cpcMicros = event.cpcMicros();
        return e;
    }

    public boolean isClick() {
        return eventType == EventType.CLICK;
    }

    /** {@code campaign|ad|publisher|country|device}: the rollup key without its minute. */
    public String dimensionKey() {
        return PartialRollup.dimensionKey(campaignId, adId, publisherId, country, device);
    }
}
