package io.adclick.batch;

import io.adclick.schemas.table.RawEventsTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Builds raw events (rows of {@code raw_events}) for tests, with readable defaults. */
public final class RawEvents {
    public static final StructType SCHEMA = SparkSchemaUtil.convert(RawEventsTable.SCHEMA);

    private final List<Row> rows = new ArrayList<>();

    /** One raw event; change what a test cares about with the {@code with*} methods. */
    public record Event(
            String type,
            String eventId,
            Instant eventTime,
            Instant receivedAt,
            String userId,
            String country,
            String device,
            String tokenStatus,
            String impressionId,
            String advertiserId,
            String campaignId,
            String adId,
            String publisherId,
            long cpcMicros,
            String ip,
            String userAgent) {
        public Event withEventId(String id) {
            return new Event(
                    type,
                    id,
                    eventTime,
                    receivedAt,
                    userId,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event at(Instant time) {
            return new Event(
                    type,
                    eventId,
                    time,
                    time,
                    userId,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event receivedAt(Instant time) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    time,
                    userId,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event user(String user) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    user,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event device(String newDevice, String agent) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    userId,
                    country,
                    newDevice,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    agent);
        }

        public Event expired() {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    userId,
                    country,
                    device,
                    "expired",
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event campaign(String campaign) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    userId,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaign,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event ip(String address) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    userId,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    address,
                    userAgent);
        }

        public Event country(String newCountry) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    userId,
                    newCountry,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    ip,
                    userAgent);
        }

        public Event cpc(long micros) {
            return new Event(
                    type,
                    eventId,
                    eventTime,
                    receivedAt,
                    userId,
                    country,
                    device,
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    micros,
                    ip,
                    userAgent);
        }

        Row toRow() {
            return RowFactory.create(
                    1,
                    type,
                    eventId,
                    Timestamp.from(eventTime),
                    Timestamp.from(receivedAt),
                    type.equals("impression") ? "pixel" : "redirect",
                    userId,
                    country,
                    device,
                    Map.of(),
                    "token-of-" + impressionId,
                    "dev",
                    tokenStatus,
                    impressionId,
                    advertiserId,
                    campaignId,
                    adId,
                    publisherId,
                    cpcMicros,
                    "https://landing.example/" + adId,
                    Timestamp.from(eventTime.minusSeconds(60)),
                    ip,
                    userAgent);
        }
    }

    private static final String HUMAN_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1";

    /** The impression {@code imp:<impressionId>} of campaign c1 / ad a1 / publisher p1, US mobile, by user u1. */
    public static Event impression(String impressionId, Instant time) {
        return new Event(
                "impression",
                "imp:" + impressionId,
                time,
                time,
                "u1",
                "US",
                "mobile",
                "valid",
                impressionId,
                "adv1",
                "c1",
                "a1",
                "p1",
                250_000L,
                "203.0.113.7",
                HUMAN_AGENT);
    }

    /** A click on {@code impressionId} (same ad and user as {@link #impression}), cpc 0.25. */
    public static Event click(String eventId, String impressionId, Instant time) {
        return new Event(
                "click",
                eventId,
                time,
                time,
                "u1",
                "US",
                "mobile",
                "valid",
                impressionId,
                "adv1",
                "c1",
                "a1",
                "p1",
                250_000L,
                "203.0.113.7",
                HUMAN_AGENT);
    }

    public RawEvents add(Event... events) {
        for (Event event : events) {
            rows.add(event.toRow());
        }
        return this;
    }

    public Dataset<Row> toDataFrame() {
        return SharedSpark.session().createDataFrame(rows, SCHEMA);
    }
}
