package io.adclick.infra.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs one SQL statement through Trino's client REST protocol ({@code POST /v1/statement}, then
 * follow {@code nextUri}) without a JDBC driver: for warm-up queries and {@code status}.
 */
public final class TrinoStatements {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private TrinoStatements() {}

    /**
     * Runs {@code sql} (a constant statement) as {@code user} in the {@code iceberg.adclick} schema;
     * the first column of the first row, or the error message.
     */
    public static Result run(URI trino, String sql, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(trino.resolve("/v1/statement"))
                            .timeout(timeout)
                            .header("X-Trino-User", "adclick")
                            .header("X-Trino-Catalog", "iceberg")
                            .header("X-Trino-Schema", "adclick")
                            .POST(HttpRequest.BodyPublishers.ofString(sql))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> first = Optional.empty();
            while (true) {
                if (response.statusCode() != 200) {
                    return Result.failed("HTTP " + response.statusCode());
                }
                JsonNode body = JSON.readTree(response.body());
                if (body.has("error")) {
                    return Result.failed(body.path("error").path("message").asText());
                }
                JsonNode data = body.path("data");
                if (first.isEmpty() && data.isArray() && !data.isEmpty()) {
                    first = Optional.of(data.get(0).get(0).asText());
                }
                if (!body.hasNonNull("nextUri")) {
                    return new Result(true, first.orElse(""));
                }
                if (System.nanoTime() > deadline) {
                    return Result.failed("timed out after " + timeout.toSeconds() + " s");
                }
                response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(body.get("nextUri").asText()))
                                .timeout(timeout)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            return Result.failed("no answer from " + trino + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted");
        }
    }

    /** Whether the statement succeeded, and its first value or error message. */
    public record Result(boolean succeeded, String value) {
        static Result failed(String message) {
            return new Result(false, message);
        }
    }
}
