package io.adclick.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.edge.log.DiskSpool;
import io.adclick.edge.log.EdgeRecord;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.QuarantineRecord;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.wire.JsonWire;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CONTRACT section 2 over real HTTP. Kafka is a closed loopback port, so every acknowledged event
 * (and every quarantine record) must be in the spool: the edge's real behaviour while Kafka is
 * down.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeHttpTest implements TestPropertyProvider {
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    private static final int RATE_LIMIT_BURST = 50;

    @Inject
    EmbeddedServer server;

    @Inject
    DiskSpool spool;

    private EdgeClient client;
    private long depthBefore;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of(
                    "adclick.edge.kafka.bootstrap-servers",
                    "127.0.0.1:" + closedPort(),
                    "adclick.edge.spool.dir",
                    Files.createTempDirectory("edge-spool").toString(),
                    "adclick.edge.rate-limit.events-per-second",
                    "1",
                    "adclick.edge.rate-limit.burst",
                    Integer.toString(RATE_LIMIT_BURST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void connect() {
        client = new EdgeClient(server.getURI());
        depthBefore = spool.depthRecords();
    }

    @Test
    void impressionPixelAnswers204AndRecordsTheImpression() {
        HttpResponse<String> response =
                client.get("/i/" + TestTokens.fresh("imp-204"), "User-Agent", IPHONE, "X-Country", "de");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-Event-Id")).hasValue("imp:imp-204");
        assertSpoolGrewBy(1);
        RawEvent event = rawEvent("imp:imp-204");
        assertThat(event.eventType()).isEqualTo(EventType.IMPRESSION);
        assertThat(event.tokenStatus()).isEqualTo(TokenStatus.VALID);
        assertThat(event.country()).isEqualTo("DE");
        assertThat(event.device().wireName()).isEqualTo("mobile");
        assertThat(event.userAgent()).isEqualTo(IPHONE);
        assertThat(event.ip()).isEqualTo("127.0.0.1");
        assertThat(event.campaignId()).isEqualTo("cmp-1");
    }

    @Test
    void impressionPixelAnswersGifWhenTheClientAcceptsImages() {
        HttpResponse<byte[]> response =
                client.getBytes("/i/" + TestTokens.fresh("imp-gif"), "Accept", "image/avif,image/webp,*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(new String(response.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertSpoolGrewBy(1);
    }

    @Test
    void clickRedirectsToTheLandingPageWithAFreshEventIdPerRequest() {
        String token = TestTokens.fresh("imp-click");

        HttpResponse<String> first = client.get("/c/" + token);
        HttpResponse<String> second = client.get("/c/" + token);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValue(TestTokens.LANDING_URL);
        String firstId = first.headers().firstValue("X-Event-Id").orElseThrow();
        assertThat(firstId).startsWith("clk:");
        assertThat(second.headers().firstValue("X-Event-Id")).isPresent().get().isNotEqualTo(firstId);
        assertSpoolGrewBy(2);
        RawEvent click = rawEvent(firstId);
        assertThat(click.eventType()).isEqualTo(EventType.CLICK);
        assertThat(click.impressionId()).isEqualTo("imp-click");
        assertThat(click.cpcMicros()).isEqualTo(250_000);
    }

    @Test
    void expiredClickStillRedirectsAndIsRecordedAsExpired() {
        HttpResponse<String> response = client.get("/c/" + TestTokens.expired("imp-old"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(TestTokens.LANDING_URL);
        assertSpoolGrewBy(1);
        RawEvent click = rawEvent(response.headers().firstValue("X-Event-Id").orElseThrow());
        assertThat(click.tokenStatus()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void clickWithForgedTokenIsRefusedWithoutRedirectAndQuarantined() {
        String forged = TestTokens.badSignature("imp-forged");

        HttpResponse<String> response = client.get("/c/" + forged);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode body = json(response);
        assertThat(body.path("code").asText()).isEqualTo("bad_signature");
        assertThat(body.path("error").asText()).contains("signature");
        assertSpoolGrewBy(1);
        QuarantineRecord quarantined = quarantined(forged);
        assertThat(quarantined.reason()).isEqualTo("bad_signature");
        assertThat(quarantined.index()).isEqualTo(-1);
        assertThat(quarantined.sourceKey()).isEqualTo("127.0.0.1");
    }

    @Test
    void impressionWithMalformedTokenIsRefusedWithItsCode() {
        HttpResponse<String> response = client.get("/i/not-a-token");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asText()).isEqualTo("malformed_token");
        assertSpoolGrewBy(1);
    }

    @Test
    void setsUidCookieWhenTheVisitorHasNone() {
        HttpResponse<String> response = client.get("/i/" + TestTokens.fresh("imp-new-visitor"));

        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("uid=")
                .contains("HTTPOnly")
                .contains("SameSite=None")
                .contains("Max-Age=");
        String uid = cookie.substring("uid=".length(), cookie.indexOf(';'));
        assertThat(rawEvent("imp:imp-new-visitor").userId()).isEqualTo(uid);
    }

    @Test
    void honoursTheUidCookie() {
        HttpResponse<String> response =
                client.get("/i/" + TestTokens.fresh("imp-known-visitor"), "Cookie", "uid=visitor-7");

        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(rawEvent("imp:imp-known-visitor").userId()).isEqualTo("visitor-7");
    }

    @Test
    void honoursTheUidParameter() {
        HttpResponse<String> response = client.get("/i/" + TestTokens.fresh("imp-param-visitor") + "?uid=visitor-8");

        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(rawEvent("imp:imp-param-visitor").userId()).isEqualTo("visitor-8");
    }

    @Test
    void batchAcceptsGoodEventsAndListsEachBadOne() {
        String now = Instant.now().toString();
        String future = Instant.now().plus(Duration.ofMinutes(30)).toString();
        String body = "["
                + String.join(
                        ",",
                        event("conv-good", now, TestTokens.fresh("imp-b1")),
                        event("conv-forged", now, TestTokens.badSignature("imp-b2")),
                        "{\"schema_version\":1,\"event_type\":\"conversion\",\"event_id\":\"conv-no-time\",\"token\":\"x\"}",
                        event("conv-future", future, TestTokens.fresh("imp-b3")),
                        event("conv-expired", now, TestTokens.expired("imp-b4")))
                + "]";

        HttpResponse<String> response = client.postJson("/v1/events", body, "X-Api-Key", uniqueKey());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        JsonNode rejected = answer.path("rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("event_id").asText()).isEqualTo("conv-forged");
        assertThat(rejected.get(0).path("error").asText()).startsWith("bad_signature: ");
        assertThat(rejected.get(1).path("index").asInt()).isEqualTo(2);
        assertThat(rejected.get(1).path("error").asText())
                .startsWith("invalid_field: ")
                .contains("event_time");
        assertThat(rejected.get(2).path("index").asInt()).isEqualTo(3);
        assertThat(rejected.get(2).path("error").asText()).startsWith("event_time_in_future: ");
        assertSpoolGrewBy(5);
        assertThat(rawEvent("conv-expired").tokenStatus()).isEqualTo(TokenStatus.EXPIRED);
        QuarantineRecord forged = quarantinedEvent("conv-forged");
        assertThat(forged.reason()).isEqualTo("bad_signature");
        assertThat(forged.index()).isEqualTo(1);
        assertThat(forged.sourceKey()).startsWith("key:");
        assertThat(forged.payload()).contains("\"event_id\":\"conv-forged\"");
    }

    @Test
    void batchAcceptsAnObjectWithAnEventsArray() {
        String body =
                "{\"events\":[" + event("conv-wrapped", Instant.now().toString(), TestTokens.fresh("imp-w")) + "]}";

        HttpResponse<String> response = client.postJson("/v1/events", body, "X-Api-Key", uniqueKey());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("accepted").asInt()).isEqualTo(1);
        assertSpoolGrewBy(1);
    }

    @Test
    void batchThatIsNotJsonIs400() {
        HttpResponse<String> response = client.postJson("/v1/events", "[{\"event_id\":", "X-Api-Key", uniqueKey());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asText()).isEqualTo("invalid_json");
        assertSpoolGrewBy(0);
    }

    @Test
    void batchWithWrongContentTypeIs415() {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(server.getURI().resolve("/v1/events"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("[]")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).path("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void batchOfMoreThan1000EventsIs413() {
        String event = event("conv-many", Instant.now().toString(), TestTokens.fresh("imp-many"));
        String body = IntStream.range(0, 1001).mapToObj(i -> event).collect(Collectors.joining(",", "[", "]"));

        HttpResponse<String> response = client.postJson("/v1/events", body, "X-Api-Key", uniqueKey());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("code").asText()).isEqualTo("too_many_events");
        assertSpoolGrewBy(0);
    }

    @Test
    void batchDeclaredLargerThan1MiBIs413BeforeItsBodyIsSent() throws IOException {
        EdgeClient.RawResponse response = client.rawPost(
                "/v1/events",
                Map.of("Content-Type", "application/json", "Content-Length", Integer.toString(2 * 1024 * 1024)),
                new byte[0]);

        assertThat(response.status()).isEqualTo(413);
        assertThat(JsonWire.mapper().readTree(response.body()).path("code").asText())
                .isEqualTo("payload_too_large");
    }

    @Test
    void chunkedBatchLargerThan1MiBIs413() throws IOException {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';

        EdgeClient.RawResponse response = client.rawPost(
                "/v1/events",
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                EdgeClient.chunked(body, 64 * 1024));

        assertThat(response.status()).isEqualTo(413);
        assertThat(JsonWire.mapper().readTree(response.body()).path("code").asText())
                .isEqualTo("payload_too_large");
        assertSpoolGrewBy(0);
    }

    @Test
    void batchPastTheRateLimitIs429WithRetryAfter() {
        String apiKey = uniqueKey();
        String event = event("conv-rate", Instant.now().toString(), TestTokens.fresh("imp-rate"));
        String fullBurst =
                IntStream.range(0, RATE_LIMIT_BURST).mapToObj(i -> event).collect(Collectors.joining(",", "[", "]"));
        assertThat(client.postJson("/v1/events", fullBurst, "X-Api-Key", apiKey).statusCode())
                .isEqualTo(200);
        long depthAfterBurst = spool.depthRecords();

        HttpResponse<String> response = client.postJson("/v1/events", "[" + event + "]", "X-Api-Key", apiKey);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(response).path("code").asText()).isEqualTo("rate_limited");
        assertThat(spool.depthRecords()).isEqualTo(depthAfterBurst);
        assertThat(client.postJson("/v1/events", "[" + event + "]", "X-Api-Key", uniqueKey())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownPathIs404WithJsonError() {
        HttpResponse<String> response = client.get("/nowhere", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void wrongMethodIs405WithJsonError() {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.getURI().resolve("/v1/events")).GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).path("code").asText()).isEqualTo("method_not_allowed");
        assertThat(json(response).path("error").asText()).contains("GET");
    }

    @Test
    void healthIsUpAndReportsKafkaDownAndTheSpoolDepth() {
        client.get("/i/" + TestTokens.fresh("imp-health"));

        HttpResponse<String> response = client.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("kafka").asText()).isEqualTo("down");
        assertThat(health.path("spool_depth").asLong())
                .isEqualTo(spool.depthRecords())
                .isPositive();
    }

    @Test
    void metricsArePrometheusTextWithTheEdgeMeters() {
        client.get("/i/" + TestTokens.fresh("imp-metrics"));
        client.get("/c/forged.token");

        HttpResponse<String> response = client.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/i/{token}\"")
                .contains("adclick_edge_events_accepted_total{type=\"impression\"}")
                .contains("adclick_edge_rejections_total{reason=\"malformed_token\"}")
                .contains("adclick_edge_kafka_send_seconds_count")
                .contains("adclick_edge_spool_depth_records " + (double) spool.depthRecords())
                .contains("adclick_edge_spool_depth_bytes")
                .contains("adclick_edge_spool_drains_total");
    }

    private void assertSpoolGrewBy(long records) {
        assertThat(spool.depthRecords() - depthBefore).isEqualTo(records);
    }

    private List<EdgeRecord> spooled() {
        return spool.read(Integer.MAX_VALUE).records();
    }

    private RawEvent rawEvent(String eventId) {
        Optional<RawEvent> event = spooled().stream()
                .filter(record -> record.topic().equals(Topics.EVENTS_RAW))
                .map(record -> WireCodecs.RAW_EVENT.decode(record.value()))
                .filter(raw -> raw.eventId().equals(eventId))
                .findFirst();
        assertThat(event).as("raw event %s in the spool", eventId).isPresent();
        return event.get();
    }

    private QuarantineRecord quarantined(String payload) {
        return quarantine().stream()
                .filter(record -> record.payload().equals(payload))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no quarantine record of " + payload));
    }

    private QuarantineRecord quarantinedEvent(String eventId) {
        return quarantine().stream()
                .filter(record -> eventId.equals(record.eventId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no quarantine record of " + eventId));
    }

    private List<QuarantineRecord> quarantine() {
        return spooled().stream()
                .filter(record -> record.topic().equals(Topics.EVENTS_QUARANTINE))
                .map(record -> WireCodecs.QUARANTINE.decode(record.value()))
                .toList();
    }

    private static String event(String eventId, String eventTime, String token) {
        return ("{\"schema_version\":1,\"event_type\":\"conversion\",\"event_id\":\"%s\",\"event_time\":\"%s\","
                        + "\"token\":\"%s\",\"user_id\":\"u-1\",\"country\":\"US\",\"device\":\"desktop\"}")
                .formatted(eventId, eventTime, token);
    }

    private static String uniqueKey() {
        return "sdk-" + UUID.randomUUID();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonWire.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
