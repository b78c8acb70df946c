package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sends {@link EdgeRequest}s to the ingest edge over HTTP/1.1. Thread-safe. */
public final class EdgeClient {
    /** The header that carries the recorded event id of {@code /i} and {@code /c}. */
    public static final String EVENT_ID_HEADER = "X-Event-Id";
    /** The CDN/LB header the edge reads the country from. */
    public static final String COUNTRY_HEADER = "X-Country";

    /** The User-Agent of SDK batches. */
    public static final String SDK_USER_AGENT = "adclick-sdk/1.0 (synthetic)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI baseUrl;
    private final HttpClient http;

    public EdgeClient(URI baseUrl) {
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Sends one request; a transport failure is an {@link EdgeResponse} with status 0, not an exception. */
    public EdgeResponse send(EdgeRequest request) {
        requireNonNull(request, "request is null");
        if (request instanceof EdgeRequest.Pixel pixel) {
            return get("/i/", pixel.serve().token(), pixel.visitor());
        }
        if (request instanceof EdgeRequest.Redirect redirect) {
            return get("/c/", redirect.serve().token(), redirect.visitor());
        }
        return post(((EdgeRequest.SdkBatch) request).events());
    }

    private EdgeResponse get(String path, String token, Visitor visitor) {
        URI uri = baseUrl.resolve(path + token + "?uid=" + URLEncoder.encode(visitor.userId(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", visitor.userAgent())
                .header(COUNTRY_HEADER, visitor.country())
                .GET()
                .build();
        return exchange(request, false);
    }

    private EdgeResponse post(List<SdkEvent> events) {
        String body;
        try {
            body = JSON.writeValueAsString(
                    events.stream().map(SdkEvent::envelope).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode an SDK batch", e);
        }
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/v1/events"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", SDK_USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return exchange(request, true);
    }

    private EdgeResponse exchange(HttpRequest request, boolean batch) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Set<Integer> rejected = batch && response.statusCode() == 200 ? rejectedIndexes(response.body()) : Set.of();
            return new EdgeResponse(
                    response.statusCode(),
                    response.headers().firstValue(EVENT_ID_HEADER),
                    rejected,
                    Optional.empty(),
                    response.headers().firstValueAsLong("Retry-After").stream()
                            .mapToObj(Duration::ofSeconds)
                            .findFirst());
        } catch (IOException e) {
            return EdgeResponse.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EdgeResponse.failed("interrupted");
        }
    }

    static Set<Integer> rejectedIndexes(String body) {
        try {
            JsonNode rejected = JSON.readTree(body).path("rejected");
            Set<Integer> indexes = new HashSet<>();
            rejected.forEach(entry -> indexes.add(entry.path("index").asInt(-1)));
            return indexes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "The edge answered POST /v1/events with a body that is not JSON: " + body, e);
        }
    }
}
