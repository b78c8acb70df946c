package io.adclick.schemas.pinot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL over HTTP to a Pinot broker ({@code POST /query/sql}, HTTP/1.1 only in 0.11). An answer
 * with exceptions, or from fewer servers than were queried, is an error: a partial sum is never
 * returned as if it were whole. Build statements with {@link PinotSql#bind}.
 */
public final class PinotBroker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI queryUrl;
    private final Duration timeout;
    private final HttpClient http;

    /** A client of the broker at {@code brokerUrl}, e.g. {@code http://127.0.0.1:8099}. */
    public PinotBroker(URI brokerUrl) {
        this(brokerUrl, DEFAULT_TIMEOUT);
    }

    public PinotBroker(URI brokerUrl, Duration timeout) {
        this.queryUrl = requireNonNull(brokerUrl, "brokerUrl is null").resolve("/query/sql");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    /**
     * Runs one statement.
     *
     * @throws PinotQueryException when the broker cannot be reached, refuses the statement, or
     *     answers from fewer servers than it queried
     */
    public PinotResult query(String sql) {
        requireNonNull(sql, "sql is null");
        ObjectNode body = JSON.createObjectNode().put("sql", sql);
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(queryUrl)
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PinotQueryException(
                    "Pinot's broker at %s did not answer: %s (is Pinot running? ./adclick status)"
                            .formatted(queryUrl, e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PinotQueryException("Interrupted while querying Pinot", e);
        }
        if (response.statusCode() != 200) {
            throw new PinotQueryException(
                    "Pinot's broker answered HTTP %d to %s: %s".formatted(response.statusCode(), sql, response.body()));
        }
        return parse(sql, response.body());
    }

    static PinotResult parse(String sql, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new PinotQueryException("Pinot's broker answered with invalid JSON: " + body, e);
        }
        JsonNode exceptions = answer.path("exceptions");
        if (exceptions.isArray() && !exceptions.isEmpty()) {
            throw new PinotQueryException("Pinot refused or failed %s: %s".formatted(sql, exceptions));
        }
        long queried = answer.path("numServersQueried").asLong();
        long responded = answer.path("numServersResponded").asLong();
        if (responded < queried) {
            throw new PinotQueryException(
                    "Only %d of %d Pinot servers answered %s: the result would be partial (retry shortly)"
                            .formatted(responded, queried, sql));
        }
        JsonNode table = answer.path("resultTable");
        if (table.isMissingNode()) {
            throw new PinotQueryException("Pinot's answer has no result table: " + body);
        }
        List<String> columns = new ArrayList<>();
        table.path("dataSchema").path("columnNames").forEach(name -> columns.add(name.asText()));
        List<List<JsonNode>> rows = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            List<JsonNode> cells = new ArrayList<>();
            row.forEach(cells::add);
            rows.add(cells);
        }
        return new PinotResult(columns, rows, answer.path("timeUsedMs").asLong());
    }
}
