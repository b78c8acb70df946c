package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.adclick.infra.process.LauncherThreads;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The pipeline monitor: samples consumer lag, the stream job and the archive every interval
 * ({@link PipelineSampler}) and serves them as Prometheus metrics ({@link PipelineMetrics}) on
 * {@code GET /metrics}. In {@code adclick up} it runs inside the launcher; {@code adclick monitor}
 * runs it alone against a production deployment.
 */
public final class PipelineMonitor implements ManagedComponent {
    public static final String NAME = "monitor";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final MonitorTargets targets;
    private final Consumer<String> console;
    private final String log;
    private final Clock clock;
    private final AtomicReference<PipelineSample> newest;
    private ScheduledExecutorService executor;
    private Admin admin;
    private HttpServer server;
    private Instant startedAt;

    /**
     * @param console where a source going down or coming back is reported
     * @param log the log file the launcher writes (shown by {@code adclick status})
     */
    public PipelineMonitor(MonitorTargets targets, Consumer<String> console, String log, Clock clock) {
        this.targets = requireNonNull(targets, "targets is null");
        this.console = requireNonNull(console, "console is null");
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.newest = new AtomicReference<>(PipelineSample.none(clock.instant()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("The pipeline monitor is already running");
        }
        startedAt = clock.instant();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PipelineMetrics.bind(registry, newest::get, clock);
        try {
            server = HttpServer.create(new InetSocketAddress(targets.bindAddress(), targets.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The pipeline monitor cannot listen on %s:%d (%s); free the port or set ADCLICK_MONITOR_PORT"
                            .formatted(targets.bindAddress(), targets.port(), e.getMessage()),
                    e);
        }
        server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
        server.createContext("/health", exchange -> answer(exchange, 200, "text/plain", "ok\n"));
        server.start();

        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, targets.kafkaBootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()));
        PipelineSampler sampler = new PipelineSampler(
                admin,
                new FlinkRest(targets.flinkRest(), MonitorTargets.STREAM_JOB_NAME, REQUEST_TIMEOUT),
                targets.catalog(),
                REQUEST_TIMEOUT,
                clock,
                console);
        executor = LauncherThreads.scheduler(NAME);
        executor.scheduleWithFixedDelay(
                () -> sample(sampler), 0, targets.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The newest sample (for {@code adclick status} and tests). */
    public PipelineSample newest() {
        return newest.get();
    }

    /** Where {@code /metrics} is served. */
    public String url() {
        return "http://%s:%d"
                .formatted(
                        targets.bindAddress(),
                        server == null ? targets.port() : server.getAddress().getPort());
    }

    private void sample(PipelineSampler sampler) {
        try {
            newest.set(sampler.sample());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            console.accept("monitor: sampling failed: " + e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public Health health() {
        if (executor == null || executor.isShutdown()) {
            return Health.down("not running");
        }
        PipelineSample sample = newest.get();
        long up = java.util.stream.Stream.of(sample.kafkaUp(), sample.flinkUp(), sample.catalogUp())
                .filter(Boolean::booleanValue)
                .count();
        return Health.up("%d of 3 sources answer".formatted(up));
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        LauncherThreads.stop(executor, REQUEST_TIMEOUT.multipliedBy(2));
        server.stop(0);
        admin.close(REQUEST_TIMEOUT);
        executor = null;
    }

    @Override
    public Optional<ComponentRecord> record() {
        if (executor == null) {
            return Optional.empty();
        }
        return Optional.of(ComponentRecord.inLauncher(NAME, startedAt, url(), log));
    }
}
