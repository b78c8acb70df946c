package io.adclick.infra.edge;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.stack.ChildExit;
import io.adclick.infra.stack.ChildProcess;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.JavaCommand;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.infra.stack.StackConfig;
import io.adclick.infra.stack.StartupException;
import io.adclick.infra.stack.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ingest edge (the {@code ingest-edge} module) in a child JVM: HTTP on loopback, producing to
 * the broker, spooling to {@code <state>/edge/spool} while the broker is away.
 */
public final class IngestEdge implements ManagedComponent {
    public static final String NAME = "edge";
    public static final String MAIN_CLASS = "io.adclick.edge.EdgeApplication";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final StackConfig config;
    private final Consumer<ChildExit> onUnexpectedExit;
    private volatile ChildProcess process;

    public IngestEdge(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        this.config = requireNonNull(config, "config is null");
        this.onUnexpectedExit = requireNonNull(onUnexpectedExit, "onUnexpectedExit is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create(config.edgeUrl());
    }

    public Path log() {
        return config.logFile(NAME);
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The edge is already running as pid " + process.pid());
        }
        try {
            Files.createDirectories(config.edgeSpoolDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the edge spool " + config.edgeSpoolDir(), e);
        }
        process = ChildProcess.start(
                NAME,
                JavaCommand.of(MAIN_CLASS)
                        .component(NAME)
                        .maxHeap(config.edgeHeap())
                        .jvmOption("-Djava.awt.headless=true")
                        .systemProperty("micronaut.server.host", StackConfig.LOOPBACK)
                        .systemProperty("micronaut.server.port", config.edgePort())
                        .systemProperty("adclick.edge.kafka.bootstrap-servers", config.kafkaBootstrap())
                        .systemProperty("adclick.edge.spool.dir", config.edgeSpoolDir())
                        .classpath(config.home().edgeClasspath())
                        .toCommand(),
                Map.of(),
                config.stateDir(),
                log(),
                onUnexpectedExit);
        awaitHealthy();
    }

    @Override
    public Health health() {
        if (process == null || !process.isAlive()) {
            return Health.down("not running");
        }
        return probe(baseUrl());
    }

    /** {@code GET /health} of the edge at {@code baseUrl}. */
    public static Health probe(URI baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(baseUrl.resolve("/health"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String detail = "GET /health: HTTP " + response.statusCode();
            return response.statusCode() == 200 ? Health.up(detail) : Health.down(detail);
        } catch (IOException e) {
            return Health.down("no answer on " + baseUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop(config.stopTimeout());
        }
    }

    /** Ends the edge with SIGKILL, as a crash would (for tests). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public Optional<ComponentRecord> record() {
        ChildProcess child = process;
        if (child == null) {
            return Optional.empty();
        }
        return Optional.of(new ComponentRecord(
                NAME,
                child.pid(),
                child.startedAt(),
                JavaCommand.marker(NAME),
                config.edgePort(),
                config.edgeUrl(),
                log().toString()));
    }

    private void awaitHealthy() {
        Duration timeout = config.startTimeout();
        boolean healthy = Waits.until(timeout, POLL, () -> {
            if (!process.isAlive()) {
                throw new StartupException(
                        "The edge exited with code %d during startup: see %s".formatted(process.exitCode(), log()));
            }
            return probe(baseUrl()).healthy();
        });
        if (!healthy) {
            process.stop(config.stopTimeout());
            throw new StartupException("The edge did not answer GET %s/health with 200 within %d s: see %s"
                    .formatted(config.edgeUrl(), timeout.toSeconds(), log()));
        }
    }
}
