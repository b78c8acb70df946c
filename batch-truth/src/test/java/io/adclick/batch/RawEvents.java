package io.adclick.batch;

import io.adclick.schemas.table.RawEventsTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Builds raw events (rows of {@code raw_events}) for tests, with readable defaults. */
public final class RawEvents {
    public static final StructType SCHEMA = SparkSchemaUtil.convert(RawEventsTable.SCHEMA);

    private final List<Row> rows = new ArrayList<>();

    /**
     * One raw event; change what a test cares about with the fluent methods, each of which returns
     * a changed copy (an event is never modified in place).
     */
    public static final class Event {
        private String type;
        private String eventId;
        private Instant eventTime;
        private Instant receivedAt;
        private String userId;
        private String country;
        private String device;
        private String tokenStatus;
        private String impressionId;
        private String advertiserId;
        private String campaignId;
        private String adId;
        private String publisherId;
        private long cpcMicros;
        private String ip;
        private String userAgent;

        private Event() {}

        private Event copy(Consumer<Event> change) {
            Event copy = new Event();
            copy.type = type;
            copy.eventId = eventId;
            copy.eventTime = eventTime;
            copy.receivedAt = receivedAt;
            copy.userId = userId;
            copy.country = country;
            copy.device = device;
            copy.tokenStatus = tokenStatus;
            copy.impressionId = impressionId;
            copy.advertiserId = advertiserId;
            copy.campaignId = campaignId;
            copy.adId = adId;
            copy.publisherId = publisherId;
            copy.cpcMicros = cpcMicros;
            copy.ip = ip;
            copy.userAgent = userAgent;
            change.accept(copy);
            return copy;
        }

        public Event withEventId(String id) {
            return copy(e -> e.eventId = id);
        }

        /** Happened and was received at {@code time}. */
        public Event at(Instant time) {
            return copy(e -> {
                e.eventTime = time;
                e.receivedAt = time;
            });
        }

        public Event receivedAt(Instant time) {
            return copy(e -> e.receivedAt = time);
        }

        public Event user(String user) {
            return copy(e -> e.userId = user);
        }

        public Event device(String newDevice, String agent) {
            return copy(e -> {
                e.device = newDevice;
                e.userAgent = agent;
            });
        }

        public Event expired() {
            return copy(e -> e.tokenStatus = "expired");
        }

        public Event campaign(String campaign) {
            return copy(e -> e.campaignId = campaign);
        }

        public Event ip(String address) {
            return copy(e -> e.ip = address);
        }

        public Event country(String newCountry) {
            return copy(e -> e.country = newCountry);
        }

        public Event cpc(long micros) {
            return copy(e -> e.cpcMicros = micros);
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
        return ofUser1("impression", "imp:" + impressionId, impressionId, time);
    }

    /** A click on {@code impressionId} (same ad and user as {@link #impression}), cpc 0.25. */
    public static Event click(String eventId, String impressionId, Instant time) {
        return ofUser1("click", eventId, impressionId, time);
    }

    private static Event ofUser1(String type, String eventId, String impressionId, Instant time) {
        return new Event().copy(e -> {
            e.type = type;
            e.eventId = eventId;
            e.eventTime = time;
            e.receivedAt = time;
            e.userId = "u1";
            e.country = "US";
            e.device = "mobile";
            e.tokenStatus = "valid";
            e.impressionId = impressionId;
            e.advertiserId = "adv1";
            e.campaignId = "c1";
            e.adId = "a1";
            e.publisherId = "p1";
            e.cpcMicros = 250_000L;
            e.ip = "203.0.113.7";
            e.userAgent = HUMAN_AGENT;
        });
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
