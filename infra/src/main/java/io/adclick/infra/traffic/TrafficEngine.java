package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends synthetic traffic to the edge: scenarios drawn from a {@link TrafficMix}, their requests
 * paced at a fixed rate and sent by a bounded pool of workers, each outcome counted and (optionally)
 * written to a truth file.
 */
public final class TrafficEngine {
    /**
     * @param rate HTTP requests per second
     * @param concurrency the most requests in flight at once
     * @param seed the seed of the catalog and of every worker's random draws
     */
    public record Settings(int rate, int concurrency, long seed) {
        public Settings {
            if (rate < 1) {
                throw new IllegalArgumentException("Invalid rate: " + rate + " requests/s (must be at least 1)");
            }
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("Invalid concurrency: " + concurrency + " (use 1-256)");
            }
        }
    }

    private final EdgeClient client;
    private final ScenarioPlanner planner;
    private final TrafficMix mix;
    private final Settings settings;
    private final Optional<GroundTruthWriter> truth;
    private final TrafficStats stats = new TrafficStats();
    private final ExecutorService workers;

    public TrafficEngine(
            EdgeClient client,
            ScenarioPlanner planner,
            TrafficMix mix,
            Settings settings,
            Optional<GroundTruthWriter> truth) {
        this.client = requireNonNull(client, "client is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.mix = requireNonNull(mix, "mix is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.truth = requireNonNull(truth, "truth is null");
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "traffic-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** An engine on the standard catalog (200 campaigns, 20 advertisers, one hot campaign). */
    public static TrafficEngine standard(
            URI edge, TrafficMix mix, Settings settings, SigningKeys keys, Optional<GroundTruthWriter> truth) {
        AdCatalog catalog = AdCatalog.standard(settings.seed());
        AdServer adServer =
                new AdServer(catalog, ZipfCampaigns.standard(catalog.campaigns().size()), new TokenSigner(keys));
        return new TrafficEngine(new EdgeClient(edge), new ScenarioPlanner(adServer), mix, settings, truth);
    }

    public TrafficStats stats() {
        return stats;
    }

    /**
     * Sends traffic for {@code duration} (or until {@link #stop()}) and returns when every worker
     * has finished.
     *
     * @param onRequest called after each request (from worker threads)
     */
    public void run(Duration duration, Consumer<TrafficStats> onRequest) throws InterruptedException {
        Pacer pacer = new Pacer(settings.rate());
        long deadline = System.nanoTime() + duration.toNanos();
        SplittableRandom root = new SplittableRandom(settings.seed());
        for (int i = 0; i < settings.concurrency(); i++) {
            SplittableRandom random = root.split();
            workers.execute(() -> work(random, pacer, deadline, onRequest));
        }
        workers.shutdown();
        if (!workers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    /** Stops sending: requests in flight finish (or time out), no new ones start. */
    public void stop() {
        workers.shutdownNow();
    }

    private void work(SplittableRandom random, Pacer pacer, long deadline, Consumer<TrafficStats> onRequest) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<EdgeRequest> requests = planner.plan(mix.pick(random), random, Instant.now());
                for (EdgeRequest request : requests) {
                    if (!pacer.acquire(deadline)) {
                        return;
                    }
                    Instant sentAt = Instant.now();
                    EdgeResponse response = client.send(request);
                    List<GroundTruthRecord> records = GroundTruthRecord.of(request, response, sentAt);
                    truth.ifPresent(writer -> writer.write(records));
                    stats.record(response, records);
                    onRequest.accept(stats);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
