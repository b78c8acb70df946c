package io.adclick.infra.archive;

import io.adclick.infra.stack.Health;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small HTTP calls of the archive components: health probes and JSON documents on loopback. */
public final class HttpProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private HttpProbe() {}

    /** Healthy when {@code GET url} answers with a status below 500 (S3 answers 403 without a signature). */
    public static Health answers(URI url) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String detail =
                    "GET %s: HTTP %d".formatted(url.getPath().isEmpty() ? "/" : url.getPath(), response.statusCode());
            return response.statusCode() < 500 ? Health.up(detail) : Health.down(detail);
        } catch (IOException e) {
            return Health.down("no answer on " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }

    /** {@code GET url}: the status and body. */
    public static HttpResponse<String> get(URI url, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST url} without a body: the status and body. */
    static HttpResponse<String> post(URI url, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code PUT url} with a JSON body: the status and body. */
    static HttpResponse<String> putJson(URI url, String json, Duration timeout)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
