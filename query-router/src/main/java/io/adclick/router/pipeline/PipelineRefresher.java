package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import io.adclick.router.config.PipelineConfig;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pipeline figures every {@code adclick.router.pipeline.refresh-interval} on one
 * background thread and publishes them to {@link PipelineGauges}, so that a scrape of {@code
 * /metrics} never waits on Trino or Pinot. Each source is read on its own: Pinot's figures stay
 * current while Trino is down, and the reverse. Started with the application.
 */
@Context
public class PipelineRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRefresher.class);

    private final PipelineReader reader;
    private final PipelineGauges gauges;
    private final Duration interval;
    private final Clock clock;
    private final OutageLog trino;
    private final OutageLog pinot;
    private ScheduledExecutorService executor;

    @Inject
    public PipelineRefresher(PipelineReader reader, PipelineGauges gauges, PipelineConfig config) {
        this(reader, gauges, config.refreshInterval(), Clock.systemUTC(), LOG);
    }

    PipelineRefresher(PipelineReader reader, PipelineGauges gauges, Duration interval, Clock clock, Logger log) {
        this.reader = requireNonNull(reader, "reader is null");
        this.gauges = requireNonNull(gauges, "gauges is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.trino =
                new OutageLog(PipelineGauges.TRINO, "check Trino (adclick.router.trino.url) and ./adclick status", log);
        this.pinot = new OutageLog(
                PipelineGauges.PINOT,
                "check Pinot's broker (adclick.router.pinot.broker-url) and ./adclick status",
                log);
    }

    /** Reads now, then every interval after the previous read ended. */
    @PostConstruct
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-metrics");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** One read of both sources; never throws, so the schedule goes on. */
    void refresh() {
        Instant now = clock.instant();
        try {
            gauges.truthRead(reader.readTruth(now), now);
            trino.succeeded();
        } catch (RuntimeException e) {
            gauges.truthFailed();
            trino.failed(e);
        }
        try {
            gauges.estimatesRead(reader.readEstimates(now), now);
            pinot.succeeded();
        } catch (RuntimeException e) {
            gauges.estimatesFailed();
            pinot.failed(e);
        }
    }
}
