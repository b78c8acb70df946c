package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.EdgeRequest.Pixel;
import io.adclick.infra.traffic.EdgeRequest.Redirect;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.Visitor;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.QuarantineRecord;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Events sent to a real edge arrive on {@code events.raw} of a real broker, invalid ones on the quarantine. */
@ExtendWith(EmbeddedStackExtension.class)
class EdgeToKafkaIT {
    private static final int N = 300;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final SplittableRandom random = new SplittableRandom(42);
    private final AdServer adServer = new AdServer(
            AdCatalog.standard(7), ZipfCampaigns.standard(200), new TokenSigner(SigningKeys.fromEnvironment()));

    @Test
    void pixelRequestsAreRecordedAsImpressionsKeyedByTheirImpressionId(EmbeddedStack stack) {
        Visitor visitor = new Visitor("u-pixel", "DE", Device.MOBILE, Visitors.userAgent(Device.MOBILE));
        List<Pixel> pixels = IntStream.range(0, N)
                .mapToObj(i -> new Pixel(Scenario.IMPRESSION, serve(), visitor))
                .toList();

        List<EdgeResponse> responses = stack.sendAll(pixels);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(204));
        for (int i = 0; i < N; i++) {
            assertThat(responses.get(i).eventId())
                    .contains("imp:" + pixels.get(i).serve().impressionId());
        }
        Map<String, RawEvent> raw = readRaw(stack, ids(responses));
        for (Pixel pixel : pixels) {
            RawEvent event = raw.get("imp:" + pixel.serve().impressionId());
            assertThat(event.eventType()).isEqualTo(EventType.IMPRESSION);
            assertThat(event.source()).isEqualTo(IngestSource.PIXEL);
            assertThat(event.campaignId()).isEqualTo(pixel.serve().campaign().id());
            assertThat(event.advertiserId()).isEqualTo(pixel.serve().campaign().advertiserId());
            assertThat(event.cpcMicros()).isEqualTo(pixel.serve().campaign().cpcMicros());
            assertThat(event.userId()).isEqualTo("u-pixel");
            assertThat(event.country()).isEqualTo("DE");
            assertThat(event.device()).isEqualTo(Device.MOBILE);
            assertThat(event.tokenStatus()).isEqualTo(TokenStatus.VALID);
        }
    }

    @Test
    void clicksAreRedirectedAndRecordedWithAFreshEventIdEach(EmbeddedStack stack) {
        Visitor visitor = new Visitor("u-click", "US", Device.DESKTOP, Visitors.userAgent(Device.DESKTOP));
        List<Redirect> clicks = IntStream.range(0, N)
                .mapToObj(i -> new Redirect(Scenario.IMPRESSION_AND_CLICK, serve(), visitor))
                .toList();

        List<EdgeResponse> responses = stack.sendAll(clicks);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(302));
        assertThat(ids(responses)).hasSize(N);
        Map<String, RawEvent> raw = readRaw(stack, ids(responses));
        for (int i = 0; i < N; i++) {
            AdServe serve = clicks.get(i).serve();
            RawEvent event = raw.get(responses.get(i).eventId().orElseThrow());
            assertThat(event.eventType()).isEqualTo(EventType.CLICK);
            assertThat(event.source()).isEqualTo(IngestSource.REDIRECT);
            assertThat(event.impressionId()).isEqualTo(serve.impressionId());
            assertThat(event.campaignId()).isEqualTo(serve.campaign().id());
            assertThat(event.cpcMicros()).isEqualTo(serve.campaign().cpcMicros());
            assertThat(event.landingUrl()).isEqualTo(serve.campaign().landingUrl() + "?imp=" + serve.impressionId());
            assertThat(event.userId()).isEqualTo("u-click");
            assertThat(event.country()).isEqualTo("US");
            assertThat(event.device()).isEqualTo(Device.DESKTOP);
            assertThat(event.tokenStatus()).isEqualTo(TokenStatus.VALID);
        }
    }

    @Test
    void sdkEventsAreRecordedUnderTheirOwnIdsWithTheirFields(EmbeddedStack stack) {
        List<SdkEvent> events = IntStream.range(0, N)
                .mapToObj(i -> sdkEvent(i % 2 == 0 ? EventType.IMPRESSION : EventType.CLICK, serve()))
                .toList();
        List<SdkBatch> batches = List.of(
                new SdkBatch(Scenario.SDK_BATCH, events.subList(0, 100)),
                new SdkBatch(Scenario.SDK_BATCH, events.subList(100, 200)),
                new SdkBatch(Scenario.SDK_BATCH, events.subList(200, N)));

        List<EdgeResponse> responses = stack.sendAll(batches);

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.rejectedIndexes()).isEmpty();
        });
        Map<String, RawEvent> raw =
                readRaw(stack, events.stream().map(SdkEvent::eventId).collect(Collectors.toSet()));
        for (SdkEvent sent : events) {
            RawEvent event = raw.get(sent.eventId());
            assertThat(event.eventType()).isEqualTo(sent.type());
            assertThat(event.source()).isEqualTo(IngestSource.SDK);
            assertThat(event.eventTime()).isEqualTo(sent.eventTime());
            assertThat(event.campaignId()).isEqualTo(sent.serve().campaign().id());
            assertThat(event.cpcMicros()).isEqualTo(sent.serve().campaign().cpcMicros());
            assertThat(event.userId()).isEqualTo(sent.visitor().userId());
            assertThat(event.country()).isEqualTo(sent.visitor().country());
            assertThat(event.device()).isEqualTo(sent.visitor().device());
        }
    }

    @Test
    void expiredTokensAreRedirectedAndRecordedAsExpired(EmbeddedStack stack) {
        Instant dayAndHalfAgo = Instant.now().minus(Duration.ofHours(36));
        List<Redirect> clicks = IntStream.range(0, 50)
                .mapToObj(i -> new Redirect(
                        Scenario.EXPIRED_TOKEN,
                        AdServer.expectExpired(adServer.serve(random, dayAndHalfAgo)),
                        Visitors.human(random)))
                .toList();

        List<EdgeResponse> responses = stack.sendAll(clicks);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(302));
        Map<String, RawEvent> raw = readRaw(stack, ids(responses));
        assertThat(raw.values()).hasSize(50).allSatisfy(event -> {
            assertThat(event.eventType()).isEqualTo(EventType.CLICK);
            assertThat(event.tokenStatus()).isEqualTo(TokenStatus.EXPIRED);
        });
    }

    @Test
    void tamperedTokensAreRefusedAndQuarantinedWhileGoodEventsOfTheSameBatchAreAccepted(EmbeddedStack stack) {
        List<Redirect> forgedClicks = IntStream.range(0, 50)
                .mapToObj(
                        i -> new Redirect(Scenario.TAMPERED_TOKEN, AdServer.tampered(serve()), Visitors.human(random)))
                .toList();
        List<SdkEvent> mixed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AdServe serve = i % 2 == 0 ? serve() : AdServer.tampered(serve());
            mixed.add(sdkEvent(EventType.CLICK, serve));
        }

        List<EdgeResponse> clickResponses = stack.sendAll(forgedClicks);
        EdgeResponse batchResponse = stack.client().send(new SdkBatch(Scenario.SDK_BATCH, mixed));

        assertThat(clickResponses).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(batchResponse.status()).isEqualTo(200);
        Set<Integer> oddIndexes =
                IntStream.range(0, 40).filter(i -> i % 2 == 1).boxed().collect(Collectors.toSet());
        assertThat(batchResponse.rejectedIndexes()).isEqualTo(oddIndexes);

        Set<String> forgedTokens =
                forgedClicks.stream().map(c -> c.serve().token()).collect(Collectors.toSet());
        Set<String> rejectedIds =
                oddIndexes.stream().map(i -> mixed.get(i).eventId()).collect(Collectors.toSet());
        Set<String> acceptedIds = IntStream.range(0, 40)
                .filter(i -> i % 2 == 0)
                .mapToObj(i -> mixed.get(i).eventId())
                .collect(Collectors.toSet());
        List<QuarantineRecord> quarantined = stack
                .reader()
                .readUntil(
                        Topics.EVENTS_QUARANTINE,
                        records -> quarantinedCoverage(records, forgedTokens, rejectedIds),
                        READ_TIMEOUT)
                .stream()
                .map(r -> WireCodecs.QUARANTINE.decode(r.value()))
                .toList();
        assertThat(quarantined.stream().map(QuarantineRecord::payload)).containsAll(forgedTokens);
        assertThat(quarantined.stream().map(QuarantineRecord::eventId)).containsAll(rejectedIds);
        assertThat(readRaw(stack, acceptedIds)).hasSize(20);
    }

    private AdServe serve() {
        return adServer.serve(random, Instant.now().minusSeconds(60));
    }

    private SdkEvent sdkEvent(EventType type, AdServe serve) {
        return new SdkEvent(
                "it-evt-%016x".formatted(random.nextLong()),
                type,
                Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS),
                serve,
                Visitors.human(random));
    }

    private static Set<String> ids(List<EdgeResponse> responses) {
        return responses.stream()
                .map(r -> r.eventId().orElseThrow(() -> new AssertionError("No X-Event-Id header in " + r)))
                .collect(Collectors.toSet());
    }

    /** The raw events of {@code ids}, checking that each one is keyed by its event id. */
    private static Map<String, RawEvent> readRaw(EmbeddedStack stack, Set<String> ids) {
        List<ConsumerRecord<String, byte[]>> records = stack.reader()
                .readUntil(
                        Topics.EVENTS_RAW,
                        read -> read.stream()
                                .map(ConsumerRecord::key)
                                .collect(Collectors.toSet())
                                .containsAll(ids),
                        READ_TIMEOUT);
        Map<String, RawEvent> byId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (ids.contains(record.key())) {
                RawEvent event = WireCodecs.RAW_EVENT.decode(record.value());
                assertThat(event.eventId()).as("key of %s", event.eventId()).isEqualTo(record.key());
                byId.put(record.key(), event);
            }
        }
        assertThat(byId.keySet())
                .as("event ids found on %s", Topics.EVENTS_RAW)
                .containsExactlyInAnyOrderElementsOf(ids);
        return byId;
    }

    private static boolean quarantinedCoverage(
            List<ConsumerRecord<String, byte[]>> records, Set<String> forgedTokens, Set<String> rejectedIds) {
        Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            QuarantineRecord quarantined = WireCodecs.QUARANTINE.decode(record.value());
            seen.add(quarantined.payload());
            if (quarantined.eventId() != null) {
                seen.add(quarantined.eventId());
            }
        }
        return seen.containsAll(forgedTokens) && seen.containsAll(rejectedIds);
    }
}
