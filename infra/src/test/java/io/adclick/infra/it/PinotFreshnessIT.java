package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.pinot.MinuteTotals;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupQueries;
import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.Campaign;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.Pacer;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.Visitor;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotQueryException;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Freshness with traffic flowing: clicks sent now through the edge must each be counted in
 * Pinot's answer for their campaign-minute within a bound. The job emits provisional revisions of
 * open minutes every 2 s (early firings of the salted partials, then of the merger half an interval
 * later), committed with the next checkpoint (5 s), so a click waits for neither the rest of its
 * minute nor the watermark. The k-th click of a campaign-minute counts as visible when Pinot first
 * counts k clicks there.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PinotFreshnessIT {
    private static final String NAMESPACE = "pinot-fresh-";
    private static final Duration TRAFFIC = Duration.ofSeconds(45);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final int REQUESTS_PER_SECOND = 4;
    private static final int VIEWS_PER_REQUEST = 8;

    @AfterAll
    static void stopTheJob(EmbeddedStack stack) {
        stack.stream().stop();
    }

    @Test
    void everyClickIsInPinotsAnswerWithinHalfAMinuteOfItsSend(EmbeddedStack stack) throws InterruptedException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        AdCatalog catalog = AdCatalog.generate(2, 4, 2, 3, seed).withNamespace(NAMESPACE);
        AdServer adServer =
                new AdServer(catalog, ZipfCampaigns.standard(4), new TokenSigner(SigningKeys.fromEnvironment()));
        List<String> campaigns = catalog.campaigns().stream().map(Campaign::id).toList();
        Pinot pinot = stack.startedPinot();
        stack.startedStream();
        RollupQueries queries = new RollupQueries(new PinotBroker(URI.create(pinot.brokerUrl())));

        Map<CampaignMinute, List<Instant>> clicksSent = new ConcurrentHashMap<>();
        Map<CampaignMinute, List<Instant>> visibleAt = new ConcurrentHashMap<>();
        Instant firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Thread poller = new Thread(
                () -> pollPinot(queries, campaigns, firstMinute, clicksSent, visibleAt), "pinot-freshness-poller");
        poller.setDaemon(true);
        poller.start();

        Pacer pacer = new Pacer(REQUESTS_PER_SECOND);
        Instant trafficEnds = Instant.now().plus(TRAFFIC);
        while (Instant.now().isBefore(trafficEnds)) {
            pacer.acquire(Long.MAX_VALUE);
            Instant now = Instant.now();
            SdkBatch batch = viewsAndClicks(random, adServer, now);
            EdgeResponse response = stack.client().send(batch);
            Instant acknowledgedAt = Instant.now();
            for (int i = 0; i < batch.events().size(); i++) {
                SdkEvent event = batch.events().get(i);
                if (event.type() == EventType.CLICK && response.acknowledged(i)) {
                    clicksSent
                            .computeIfAbsent(minuteOf(event), key -> Collections.synchronizedList(new ArrayList<>()))
                            .add(acknowledgedAt);
                }
            }
        }
        // later traffic of another campaign keeps the watermark moving until the last minute is visible
        Instant deadline = Instant.now().plus(BOUND).plusSeconds(10);
        while (Instant.now().isBefore(deadline) && !allVisible(clicksSent, visibleAt)) {
            pacer.acquire(Long.MAX_VALUE);
            stack.client().send(EstimatesTraffic.watermarkAdvance(random.nextLong(), Instant.now()));
        }
        poller.interrupt();
        poller.join();

        assertThat(allVisible(clicksSent, visibleAt))
                .as("campaign-minutes counted whole in Pinot")
                .isTrue();
        List<Duration> latencies = new ArrayList<>();
        clicksSent.forEach((minute, sends) -> {
            List<Instant> counted = visibleAt.get(minute);
            for (int k = 0; k < sends.size(); k++) {
                latencies.add(Duration.between(sends.get(k), counted.get(k)));
            }
        });
        latencies.sort(null);
        assertThat(latencies).hasSizeGreaterThan(50);
        System.out.printf(
                "PinotFreshnessIT: %d clicks in %d campaign-minutes; send to counted in Pinot p50 %.1f s, p99 %.1f s,"
                        + " max %.1f s (bound %d s); seed %d%n",
                latencies.size(),
                clicksSent.size(),
                seconds(percentile(latencies, 0.50)),
                seconds(percentile(latencies, 0.99)),
                seconds(latencies.get(latencies.size() - 1)),
                BOUND.toSeconds(),
                seed);
        assertThat(latencies.get(latencies.size() - 1)).isLessThanOrEqualTo(BOUND);
        Map<CampaignMinute, Long> sentCounts = clicksSent.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> (long) e.getValue().size()));
        assertThat(clicksIn(queries.campaignMinutes(campaigns, firstMinute, Instant.now())))
                .as("Pinot counts each click once")
                .isEqualTo(sentCounts);
    }

    /**
     * Records, for every campaign-minute with clicks sent, when Pinot first counts k of them, for
     * each k up to the clicks sent so far: {@code visibleAt.get(minute).get(k - 1)}.
     */
    private static void pollPinot(
            RollupQueries queries,
            List<String> campaigns,
            Instant from,
            Map<CampaignMinute, List<Instant>> clicksSent,
            Map<CampaignMinute, List<Instant>> visibleAt) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<CampaignMinute, Long> counted = clicksIn(queries.campaignMinutes(
                        campaigns, from, Instant.now().plusSeconds(120), RollupQueries.UniqueUsers.SKIPPED));
                Instant now = Instant.now();
                clicksSent.forEach((minute, sends) -> {
                    List<Instant> visible =
                            visibleAt.computeIfAbsent(minute, key -> Collections.synchronizedList(new ArrayList<>()));
                    long upTo = Math.min(counted.getOrDefault(minute, 0L), sends.size());
                    while (visible.size() < upTo) {
                        visible.add(now);
                    }
                });
                Thread.sleep(200);
            } catch (PinotQueryException e) {
                System.err.println("PinotFreshnessIT: query failed, retrying: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean allVisible(
            Map<CampaignMinute, List<Instant>> clicksSent, Map<CampaignMinute, List<Instant>> visibleAt) {
        return clicksSent.entrySet().stream()
                .allMatch(e -> visibleAt.getOrDefault(e.getKey(), List.of()).size()
                        >= e.getValue().size());
    }

    private static Map<CampaignMinute, Long> clicksIn(List<MinuteTotals> rows) {
        Map<CampaignMinute, Long> clicks = new HashMap<>();
        rows.stream()
                .filter(row -> row.clicks() > 0)
                .forEach(row -> clicks.put(new CampaignMinute(row.campaignId(), row.minute()), row.clicks()));
        return clicks;
    }

    private static SdkBatch viewsAndClicks(SplittableRandom random, AdServer adServer, Instant now) {
        List<SdkEvent> events = new ArrayList<>();
        for (int v = 0; v < VIEWS_PER_REQUEST; v++) {
            AdServe serve = adServer.serve(random, now.minusSeconds(30));
            Visitor visitor = Visitors.human(random);
            events.add(
                    new SdkEvent("frs-%016x".formatted(random.nextLong()), EventType.IMPRESSION, now, serve, visitor));
            if (random.nextInt(2) == 0) {
                events.add(
                        new SdkEvent("frs-%016x".formatted(random.nextLong()), EventType.CLICK, now, serve, visitor));
            }
        }
        return new SdkBatch(Scenario.SDK_BATCH, events);
    }

    private static CampaignMinute minuteOf(SdkEvent event) {
        return new CampaignMinute(
                event.serve().campaign().id(), event.eventTime().truncatedTo(ChronoUnit.MINUTES));
    }

    private static Duration percentile(List<Duration> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1e3;
    }
}
