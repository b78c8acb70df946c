package io.adclick.infra.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.kafka.BrokerProperties;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.process.Waits;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Kafka Connect worker (distributed mode, one worker) in a child JVM running Iceberg's sink
 * connectors ({@link ArchiveConnector}), which archive {@code events.raw} into {@code
 * adclick.raw_events} and the stream's rollups and late events for reconciliation. Once the
 * worker's REST API answers, the launcher submits the connectors' configurations and waits until
 * the connectors and their tasks run.
 */
public final class KafkaConnectWorker extends ChildProcessComponent {
    public static final String NAME = "connect";
    public static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectDistributed";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    public KafkaConnectWorker(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "Kafka Connect", config, onUnexpectedExit);
    }

    /** {@code http://127.0.0.1:<port>}: the worker's REST API. */
    public URI baseUrl() {
        return URI.create(config.archive().connectUrl());
    }

    private Path workerProperties() {
        return config.connectDir().resolve("connect-distributed.properties");
    }

    @Override
    protected void prepare() {
        Path dir = config.connectDir();
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    workerProperties(),
                    BrokerProperties.toText(
                            ConnectWorkerProperties.of(config, config.home().connectPluginPath())));
            Files.writeString(dir.resolve("log4j2.properties"), ConnectWorkerProperties.log4j2Text());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the Connect configuration in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean processesInBackground() {
        return true;
    }

    @Override
    protected List<String> command() {
        return JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(config.archive().connectHeap())
                .jvmOption("-XX:+UseG1GC")
                .jvmOption("-Djava.awt.headless=true")
                .systemProperty(
                        "log4j2.configurationFile",
                        config.connectDir().resolve("log4j2.properties").toUri())
                .classpath(config.home().connectClasspath())
                .argument(workerProperties())
                .toCommand();
    }

    @Override
    protected Path workingDirectory() {
        return config.connectDir();
    }

    @Override
    protected Health probe() {
        return HttpProbe.answers(baseUrl().resolve("/"));
    }

    @Override
    protected String readiness() {
        return "answer GET %s/".formatted(config.archive().connectUrl());
    }

    /** Submits (or updates) the archive's connectors and waits until they and all their tasks run. */
    @Override
    protected void afterStart() {
        Duration timeout = config.startTimeout();
        for (ArchiveConnector.Sink sink : ArchiveConnector.ALL) {
            submit(sink, timeout);
        }
        for (ArchiveConnector.Sink sink : ArchiveConnector.ALL) {
            boolean running = Waits.until(
                    timeout, POLL, () -> connectorStatus(baseUrl(), sink.name()).running());
            if (!running) {
                throw new StartupException("The connector %s is not RUNNING after %d s (%s): see %s"
                        .formatted(
                                sink.name(),
                                timeout.toSeconds(),
                                connectorStatus(baseUrl(), sink.name()).describe(),
                                log()));
            }
        }
    }

    private void submit(ArchiveConnector.Sink sink, Duration timeout) {
        String body;
        try {
            body = JSON.writeValueAsString(ArchiveConnector.config(config.archive(), sink));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI configUrl = baseUrl().resolve("/connectors/" + sink.name() + "/config");
        boolean submitted = Waits.until(timeout, POLL, () -> {
            // The REST API answers 409 while the worker is still joining its group.
            HttpResponse<String> response = call(() -> HttpProbe.putJson(configUrl, body, REQUEST_TIMEOUT));
            return response != null && (response.statusCode() == 200 || response.statusCode() == 201);
        });
        if (!submitted) {
            throw new StartupException("Kafka Connect did not accept the connector %s at %s within %d s: see %s"
                    .formatted(sink.name(), configUrl, timeout.toSeconds(), log()));
        }
    }

    @Override
    protected int port() {
        return config.archive().connectPort();
    }

    @Override
    protected String address() {
        return config.archive().connectUrl();
    }

    /** Restarts the archive connector's failed parts (e.g. after a broker outage failed a task). */
    public void restartFailedTasks() {
        URI url = baseUrl()
                .resolve("/connectors/%s/restart?includeTasks=true&onlyFailed=true".formatted(ArchiveConnector.NAME));
        HttpResponse<String> response = call(() -> HttpProbe.post(url, REQUEST_TIMEOUT));
        if (response == null || response.statusCode() >= 300) {
            throw new IllegalStateException("Kafka Connect did not restart %s: %s; see %s"
                    .formatted(ArchiveConnector.NAME, response == null ? "no answer" : response.body(), log()));
        }
    }

    /** The state of the raw archive connector and its tasks, as the worker at {@code baseUrl} reports it. */
    public static ConnectorStatus connectorStatus(URI baseUrl) {
        return connectorStatus(baseUrl, ArchiveConnector.NAME);
    }

    /** The state of connector {@code name} and its tasks, as the worker at {@code baseUrl} reports it. */
    public static ConnectorStatus connectorStatus(URI baseUrl, String name) {
        HttpResponse<String> response =
                call(() -> HttpProbe.get(baseUrl.resolve("/connectors/" + name + "/status"), REQUEST_TIMEOUT));
        if (response == null) {
            return ConnectorStatus.unknown("no answer from " + baseUrl);
        }
        if (response.statusCode() != 200) {
            return ConnectorStatus.unknown("HTTP " + response.statusCode());
        }
        try {
            JsonNode status = JSON.readTree(response.body());
            List<String> tasks = status.path("tasks").findValuesAsText("state");
            return new ConnectorStatus(status.path("connector").path("state").asText("UNKNOWN"), tasks);
        } catch (IOException e) {
            return ConnectorStatus.unknown("unreadable status: " + e.getMessage());
        }
    }

    private interface HttpCall {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static HttpResponse<String> call(HttpCall call) {
        try {
            return call.send();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Kafka Connect", e);
        }
    }
}
