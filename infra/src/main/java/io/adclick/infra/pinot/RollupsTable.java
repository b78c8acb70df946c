package io.adclick.infra.pinot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adclick.infra.process.Waits;
import io.adclick.infra.stack.StartupException;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.pinot.PinotQueryException;
import io.adclick.schemas.pinot.PinotTables;
import io.adclick.schemas.wire.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Pinot schema and REALTIME upsert table {@code rollups_minute} over {@code rollups.minute}
 * (definitions in {@code rollups_minute.schema.json} and {@code rollups_minute.table.json} next to
 * this class): primary key {@code rollup_key}, the highest {@code revision} wins, Kafka read with
 * {@code read_committed}; {@code minute_millis} (the time column) and {@code users_sketch} (the
 * Theta sketch's bytes) are derived at ingestion from {@code minute} and the base64
 * {@code unique_users_sketch}.
 */
public final class RollupsTable {
    /** The Pinot table (CONTRACT section 5). */
    public static final String NAME = PinotTables.ROLLUPS_MINUTE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI controllerUrl;
    private final String kafkaBootstrap;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * @param controllerUrl the controller, e.g. {@code http://127.0.0.1:9100}
     * @param kafkaBootstrap the brokers Pinot's server consumes {@code rollups.minute} from
     */
    public RollupsTable(URI controllerUrl, String kafkaBootstrap) {
        this.controllerUrl = requireNonNull(controllerUrl, "controllerUrl is null");
        this.kafkaBootstrap = requireNonNull(kafkaBootstrap, "kafkaBootstrap is null");
    }

    /** The schema document. */
    public static String schemaJson() {
        return resource("rollups_minute.schema.json").toString();
    }

    /** The table document, consuming from {@code kafkaBootstrap}. */
    public String tableJson() {
        ObjectNode table = resource("rollups_minute.table.json");
        ObjectNode stream = (ObjectNode) table.path("tableIndexConfig").path("streamConfigs");
        stream.put("stream.kafka.topic.name", Topics.ROLLUPS_MINUTE);
        stream.put("stream.kafka.broker.list", kafkaBootstrap);
        return table.toString();
    }

    /**
     * Creates the schema and the table, or brings existing ones up to date (a changed Kafka port,
     * say). Safe to call on every start.
     */
    public void ensure() {
        HttpResponse<String> schema = send("POST", "/schemas?override=true", schemaJson());
        if (schema.statusCode() != 200) {
            throw new StartupException(
                    "Pinot refused the %s schema (HTTP %d): %s".formatted(NAME, schema.statusCode(), schema.body()));
        }
        HttpResponse<String> created = send("POST", "/tables", tableJson());
        if (created.statusCode() == 409) {
            HttpResponse<String> updated = send("PUT", "/tables/" + NAME, tableJson());
            if (updated.statusCode() != 200) {
                throw new StartupException("Pinot refused to update table %s (HTTP %d): %s"
                        .formatted(NAME, updated.statusCode(), updated.body()));
            }
        } else if (created.statusCode() != 200) {
            throw new StartupException("Pinot refused to create table %s (HTTP %d): %s"
                    .formatted(NAME, created.statusCode(), created.body()));
        }
    }

    /** Waits until the broker answers a query on the table from every server. */
    public void awaitQueryable(PinotBroker broker, Duration timeout) {
        String sql = "SELECT COUNT(*) FROM " + NAME;
        String[] lastError = {"no answer yet"};
        boolean queryable = Waits.until(timeout, Duration.ofMillis(500), () -> {
            try {
                broker.query(sql);
                return true;
            } catch (PinotQueryException e) {
                lastError[0] = e.getMessage();
                return false;
            }
        });
        if (!queryable) {
            throw new StartupException("Pinot's table %s was not queryable within %d s: %s"
                    .formatted(NAME, timeout.toSeconds(), lastError[0]));
        }
    }

    private HttpResponse<String> send(String method, String path, String json) {
        URI url = controllerUrl.resolve(path);
        try {
            return http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StartupException("Pinot's controller did not answer %s %s: %s".formatted(method, url, e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while setting up Pinot", e);
        }
    }

    private static ObjectNode resource(String name) {
        try (InputStream in = RollupsTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + RollupsTable.class);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
