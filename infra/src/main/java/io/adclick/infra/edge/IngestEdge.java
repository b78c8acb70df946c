package io.adclick.infra.edge;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ingest edge (the {@code ingest-edge} module) in a child JVM: HTTP on loopback, producing to
 * the broker, spooling to {@code <state>/edge/spool} while the broker is away.
 */
public final class IngestEdge extends ChildProcessComponent {
    public static final String NAME = "edge";
    public static final String MAIN_CLASS = "io.adclick.edge.EdgeApplication";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public IngestEdge(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "The edge", config, onUnexpectedExit);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create(config.edgeUrl());
    }

    @Override
    protected void prepare() {
        try {
            Files.createDirectories(config.edgeSpoolDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the edge spool " + config.edgeSpoolDir(), e);
        }
    }

    @Override
    protected List<String> command() {
        return JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(config.edgeHeap())
                .jvmOption("-Djava.awt.headless=true")
                .systemProperty("micronaut.server.host", StackConfig.LOOPBACK)
                .systemProperty("micronaut.server.port", config.edgePort())
                .systemProperty("adclick.edge.kafka.bootstrap-servers", config.kafkaBootstrap())
                .systemProperty("adclick.edge.spool.dir", config.edgeSpoolDir())
                .classpath(config.home().edgeClasspath())
                .toCommand();
    }

    @Override
    protected Health probe() {
        return probe(baseUrl());
    }

    @Override
    protected String readiness() {
        return "answer GET %s/health with 200".formatted(config.edgeUrl());
    }

    @Override
    protected int port() {
        return config.edgePort();
    }

    @Override
    protected String address() {
        return config.edgeUrl();
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
}
