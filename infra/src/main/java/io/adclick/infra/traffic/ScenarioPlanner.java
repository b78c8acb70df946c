package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.traffic.EdgeRequest.Pixel;
import io.adclick.infra.traffic.EdgeRequest.Redirect;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.schemas.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns a {@link Scenario} into the HTTP requests it consists of, in the order they are sent. */
public final class ScenarioPlanner {
    /** Tokens of expired clicks were issued 25 to 72 hours before the click. */
    static final Duration EXPIRED_MIN_AGE = Duration.ofHours(25);

    static final Duration LATE_MIN = Duration.ofHours(1);
    static final Duration LATE_MAX = Duration.ofHours(6);
    /** Probability that an SDK impression is followed by a click in the same batch. */
    static final double SDK_CLICK_THROUGH = 0.2;

    private final AdServer adServer;

    public ScenarioPlanner(AdServer adServer) {
        this.adServer = requireNonNull(adServer, "adServer is null");
    }

    /** The requests of one occurrence of {@code scenario} happening at {@code now}. */
    public List<EdgeRequest> plan(Scenario scenario, RandomGenerator random, Instant now) {
        Visitor visitor = Visitors.human(random);
        return switch (scenario) {
            case IMPRESSION -> List.of(new Pixel(scenario, fresh(random, now), visitor));
            case IMPRESSION_AND_CLICK -> {
                AdServe serve = fresh(random, now);
                yield List.of(new Pixel(scenario, serve, visitor), new Redirect(scenario, serve, visitor));
            }
            case DOUBLE_CLICK -> {
                AdServe serve = fresh(random, now);
                yield List.of(
                        new Pixel(scenario, serve, visitor),
                        new Redirect(scenario, serve, visitor),
                        new Redirect(scenario, serve, visitor));
            }
            case CLICK_WITHOUT_IMPRESSION -> List.of(new Redirect(scenario, fresh(random, now), visitor));
            case EXPIRED_TOKEN -> {
                Instant issued = now.minus(EXPIRED_MIN_AGE).minusSeconds(random.nextLong(47 * 3600));
                yield List.of(new Redirect(scenario, AdServer.expectExpired(adServer.serve(random, issued)), visitor));
            }
            case TAMPERED_TOKEN -> List.of(new Redirect(scenario, AdServer.tampered(fresh(random, now)), visitor));
            case SDK_BATCH -> List.of(new SdkBatch(scenario, sdkEvents(random, now, 5 + random.nextInt(16))));
            case TRANSPORT_DUPLICATE -> {
                SdkBatch batch = new SdkBatch(scenario, sdkEvents(random, now, 1 + random.nextInt(5)));
                yield List.of(batch, batch);
            }
            case LATE_EVENTS -> {
                long lateSeconds = LATE_MIN.toSeconds() + random.nextLong(LATE_MAX.toSeconds() - LATE_MIN.toSeconds());
                yield List.of(new SdkBatch(
                        scenario, sdkEvents(random, now.minusSeconds(lateSeconds), 1 + random.nextInt(10))));
            }
            case BOT_BURST -> botBurst(random, now);
        };
    }

    private AdServe fresh(RandomGenerator random, Instant now) {
        return adServer.serve(random, now.minusSeconds(random.nextLong(1800)));
    }

    private List<SdkEvent> sdkEvents(RandomGenerator random, Instant eventTime, int impressions) {
        List<SdkEvent> events = new ArrayList<>();
        for (int i = 0; i < impressions; i++) {
            Visitor visitor = Visitors.human(random);
            AdServe serve = adServer.serve(random, eventTime.minusSeconds(30 + random.nextLong(600)));
            Instant viewedAt = eventTime.minusMillis(500 + random.nextInt(20_000));
            events.add(new SdkEvent(eventId(random), EventType.IMPRESSION, viewedAt, serve, visitor));
            if (random.nextDouble() < SDK_CLICK_THROUGH) {
                events.add(new SdkEvent(eventId(random), EventType.CLICK, eventTime, serve, visitor));
            }
        }
        return events;
    }

    private List<EdgeRequest> botBurst(RandomGenerator random, Instant now) {
        Visitor bot = Visitors.bot(random);
        Campaign target = adServer.serve(random, now).campaign();
        int clicks = 5 + random.nextInt(11);
        List<EdgeRequest> requests = new ArrayList<>(2 * clicks);
        for (int i = 0; i < clicks; i++) {
            AdServe serve = adServer.serve(target, random, now.minusSeconds(random.nextLong(60)));
            requests.add(new Pixel(Scenario.BOT_BURST, serve, bot));
            requests.add(new Redirect(Scenario.BOT_BURST, serve, bot));
        }
        return requests;
    }

    private static String eventId(RandomGenerator random) {
        return "evt-%016x%08x".formatted(random.nextLong(), random.nextInt());
    }
}
