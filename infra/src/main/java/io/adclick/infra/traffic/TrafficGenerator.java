package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.LogFiles;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.schemas.token.SigningKeys;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Synthetic traffic for {@code adclick up}: runs a {@link TrafficEngine} at the configured rate on a
 * background thread of the launcher until the stack stops, reporting a summary line every 10 s.
 */
public final class TrafficGenerator implements ManagedComponent {
    public static final String NAME = "traffic";
    /** Runs until stopped; the bound only keeps the loop finite. */
    private static final Duration MAX_RUN = Duration.ofDays(365);

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final StackConfig config;
    private final TrafficMix mix;
    private final long seed;
    private final Consumer<String> progress;
    private volatile TrafficEngine engine;
    private volatile Thread runner;
    private volatile Instant startedAt;

    /** @param progress receives a summary line every 10 s (the console of {@code adclick up}) */
    public TrafficGenerator(StackConfig config, TrafficMix mix, long seed, Consumer<String> progress) {
        this.config = requireNonNull(config, "config is null");
        this.mix = requireNonNull(mix, "mix is null");
        this.seed = seed;
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        engine = TrafficEngine.standard(
                URI.create(config.edgeUrl()),
                mix,
                new TrafficEngine.Settings(config.trafficRate(), 16, seed),
                SigningKeys.fromEnvironment(),
                Optional.empty());
        PrintWriter log = LogFiles.appender(config.logFile(NAME));
        log.printf(
                "=== traffic at %d requests/s to %s, mix %s, seed %d%n",
                config.trafficRate(), config.edgeUrl(), mix, seed);
        seedBudgets(log);
        TrafficEngine running = engine;
        long[] lastReport = {System.nanoTime()};
        runner = new Thread(
                () -> {
                    try (log) {
                        running.run(MAX_RUN, stats -> {
                            synchronized (lastReport) {
                                if (System.nanoTime() - lastReport[0] >= REPORT_EVERY.toNanos()) {
                                    lastReport[0] = System.nanoTime();
                                    String line = "requests %d, %s".formatted(stats.requests(), stats.summary());
                                    log.printf("%s %s%n", Instant.now(), line);
                                    progress.accept(line);
                                }
                            }
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "traffic-runner");
        runner.setDaemon(true);
        startedAt = Instant.now();
        runner.start();
    }

    /**
     * Loads the budgets of the generated campaigns into {@code adclick.campaigns} through the router
     * (started before the generator). A failure is reported and the traffic runs anyway: pacing then
     * shows spend without budgets until an engineer loads them.
     */
    private void seedBudgets(PrintWriter log) {
        try {
            new CampaignSeeder(URI.create(config.query().routerUrl()), CampaignSeeder.DEV_ENGINEER_KEY)
                    .seed(AdCatalog.standard(seed));
            log.printf("%s campaign budgets loaded into adclick.campaigns%n", Instant.now());
        } catch (IllegalStateException e) {
            log.printf("%s campaign budgets not loaded: %s%n", Instant.now(), e.getMessage());
            progress.accept("campaign budgets not loaded (pacing shows no budgets): " + e.getMessage());
        }
    }

    @Override
    public Health health() {
        Thread thread = runner;
        if (thread == null || !thread.isAlive()) {
            return Health.down("not running");
        }
        TrafficStats stats = engine.stats();
        return Health.up("requests %d, %s".formatted(stats.requests(), stats.summary()));
    }

    @Override
    public synchronized void stop() {
        if (engine != null) {
            engine.stop();
        }
        if (runner != null) {
            try {
                runner.join(config.stopTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Optional<ComponentRecord> record() {
        if (runner == null) {
            return Optional.empty();
        }
        return Optional.of(ComponentRecord.inLauncher(
                NAME, startedAt, config.edgeUrl(), config.logFile(NAME).toString()));
    }
}
