package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.EdgeRequest.Redirect;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.Visitor;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The raw archive: events acknowledged by the edge land in {@code adclick.raw_events} once each,
 * every field as on {@code events.raw}, partitioned by event hour, and soon.
 */
@ExtendWith(EmbeddedStackExtension.class)
class RawArchiveIT {
    private static final int SDK_EVENTS = 300;
    private static final int CLICKS = 100;
    private static final int HOURS = 3;
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(120);
    private static final int EVENT_TIME_FIELD_ID = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SplittableRandom random = new SplittableRandom(4);
    private final AdServer adServer = new AdServer(
            AdCatalog.standard(5), ZipfCampaigns.standard(200), new TokenSigner(SigningKeys.fromEnvironment()));

    @Test
    void acknowledgedEventsLandOnceWithEveryFieldInTheirEventHourPartition(EmbeddedStack stack) throws Exception {
        stack.awaitArchiveRunning();
        Instant now = Instant.now();
        Set<String> acknowledged = new HashSet<>(postSdkEvents(stack, now));
        acknowledged.addAll(sendClicks(stack, now));
        Instant lastAck = Instant.now();
        Map<String, List<RawEvent>> logged = rawLog(stack, acknowledged);

        try (ArchiveReader archive = stack.archive()) {
            Map<String, List<Record>> archived = Awaitility.await("all acknowledged events in raw_events")
                    .atMost(ARCHIVE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> rowsById(archive.rawEventRows(), acknowledged), rows -> rows.keySet()
                            .containsAll(acknowledged));
            Duration freshness = Duration.between(lastAck, Instant.now());
            System.out.printf(
                    "RawArchiveIT: %d events acknowledged, %d archived; archive freshness (last ack -> queryable) %.1f s%n",
                    acknowledged.size(), archived.size(), freshness.toMillis() / 1e3);

            for (String id : acknowledged) {
                assertThat(archived.get(id))
                        .as("rows of %s (one per copy on %s)", id, Topics.EVENTS_RAW)
                        .hasSize(logged.get(id).size());
                assertSameFields(archived.get(id).get(0), logged.get(id).get(0));
            }
            assertPartitionedByEventHour(archive.rawEvents());
            assertThat(hoursOf(archived)).as("event hours covered").hasSizeGreaterThanOrEqualTo(HOURS);
        }
    }

    /** SDK events spread over the last hours, with attributes and an unknown top-level field. */
    private List<String> postSdkEvents(EmbeddedStack stack, Instant now) throws Exception {
        AdServe serve = adServer.serve(random, now.minus(Duration.ofHours(HOURS + 1)));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < SDK_EVENTS; i++) {
            Visitor visitor = Visitors.human(random);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("schema_version", 1);
            event.put("event_type", i % 2 == 0 ? "impression" : "click");
            event.put("event_id", "archive-%d-%04d".formatted(now.toEpochMilli(), i));
            event.put(
                    "event_time",
                    now.minus(Duration.ofMinutes(i % (HOURS * 60))).toString());
            event.put("token", serve.token());
            event.put("user_id", visitor.userId());
            event.put("country", visitor.country());
            event.put("device", visitor.device().wireName());
            event.put("attributes", Map.of("placement", "slot-" + (i % 4), "sdk", "ios-2.1"));
            event.put("experiment", "exp-" + (i % 3));
            events.add(event);
        }
        List<String> ids = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int from = 0; from < SDK_EVENTS; from += 100) {
            List<Map<String, Object>> batch = events.subList(from, from + 100);
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(stack.config().edgeUrl() + "/v1/events"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("accepted").asInt())
                    .as(response.body())
                    .isEqualTo(100);
            batch.forEach(event -> ids.add((String) event.get("event_id")));
        }
        return ids;
    }

    private List<String> sendClicks(EmbeddedStack stack, Instant now) {
        List<Redirect> clicks = IntStream.range(0, CLICKS)
                .mapToObj(i -> new Redirect(
                        Scenario.IMPRESSION_AND_CLICK,
                        adServer.serve(random, now.minusSeconds(30)),
                        Visitors.human(random)))
                .toList();
        List<EdgeResponse> responses = stack.sendAll(clicks);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(302));
        return responses.stream().map(r -> r.eventId().orElseThrow()).toList();
    }

    private static Map<String, List<RawEvent>> rawLog(EmbeddedStack stack, Set<String> ids) {
        List<ConsumerRecord<String, byte[]>> records = stack.reader()
                .readUntil(
                        Topics.EVENTS_RAW,
                        read -> read.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(ids),
                        Duration.ofSeconds(60));
        Map<String, List<RawEvent>> byId = new HashMap<>();
        records.stream().filter(r -> ids.contains(r.key())).forEach(r -> byId.computeIfAbsent(
                        r.key(), k -> new ArrayList<>())
                .add(WireCodecs.RAW_EVENT.decode(r.value())));
        assertThat(byId.keySet())
                .as("acknowledged events on %s", Topics.EVENTS_RAW)
                .containsAll(ids);
        return byId;
    }

    private static Map<String, List<Record>> rowsById(List<Record> rows, Set<String> ids) {
        return rows.stream()
                .filter(row -> ids.contains((String) row.getField("event_id")))
                .collect(Collectors.groupingBy(row -> (String) row.getField("event_id")));
    }

    private static void assertSameFields(Record row, RawEvent event) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("schema_version", event.schemaVersion());
        expected.put("event_type", event.eventType().wireName());
        expected.put("event_id", event.eventId());
        expected.put("event_time", micros(event.eventTime()));
        expected.put("received_at", micros(event.receivedAt()));
        expected.put("source", event.source().wireName());
        expected.put("user_id", event.userId());
        expected.put("country", event.country());
        expected.put("device", event.device().wireName());
        expected.put("attributes", event.attributes());
        expected.put("token", event.token());
        expected.put("token_kid", event.tokenKid());
        expected.put("token_status", event.tokenStatus().wireName());
        expected.put("impression_id", event.impressionId());
        expected.put("advertiser_id", event.advertiserId());
        expected.put("campaign_id", event.campaignId());
        expected.put("ad_id", event.adId());
        expected.put("publisher_id", event.publisherId());
        expected.put("cpc_micros", event.cpcMicros());
        expected.put("landing_url", event.landingUrl());
        expected.put("token_issued_at", micros(event.tokenIssuedAt()));
        expected.put("ip", event.ip());
        expected.put("user_agent", event.userAgent());

        Map<String, Object> actual = new LinkedHashMap<>();
        for (String column : expected.keySet()) {
            Object value = row.getField(column);
            actual.put(column, value instanceof OffsetDateTime time ? time.toInstant() : value);
        }
        if (actual.get("attributes") == null) {
            actual.put("attributes", Map.of());
        }
        assertThat(actual).as("row of %s", event.eventId()).isEqualTo(expected);
    }

    private static void assertPartitionedByEventHour(Table table) throws Exception {
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().includeColumnStats().planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                int hour = file.partition().get(0, Integer.class);
                long lowerHour = hourOf(file.lowerBounds().get(EVENT_TIME_FIELD_ID));
                long upperHour = hourOf(file.upperBounds().get(EVENT_TIME_FIELD_ID));
                assertThat(List.of(lowerHour, upperHour))
                        .as("event hours in %s (partition event_time_hour=%d)", file.location(), hour)
                        .containsOnly((long) hour);
            }
        }
    }

    private static long hourOf(ByteBuffer bound) {
        long micros = Conversions.<Long>fromByteBuffer(Types.TimestampType.withZone(), bound);
        return Math.floorDiv(micros, 3_600_000_000L);
    }

    private static Set<Instant> hoursOf(Map<String, List<Record>> rows) {
        return rows.values().stream()
                .map(list -> ((OffsetDateTime) list.get(0).getField("event_time"))
                        .toInstant()
                        .truncatedTo(ChronoUnit.HOURS))
                .collect(Collectors.toSet());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
